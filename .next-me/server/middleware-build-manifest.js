globalThis.__BUILD_MANIFEST = {
  "pages": {
    "/_app": []
  },
  "devFiles": [],
  "polyfillFiles": [
    "static/chunks/0cz1d0mv5g_q7.js"
  ],
  "lowPriorityFiles": [
    "static/TXzkKNfe8SktMaHVkC9O_/_buildManifest.js",
    "static/TXzkKNfe8SktMaHVkC9O_/_ssgManifest.js",
    "static/TXzkKNfe8SktMaHVkC9O_/_clientMiddlewareManifest.js"
  ],
  "rootMainFiles": [
    "static/chunks/1pcw6gskne7pf.js",
    "static/chunks/0vm8zo6v48m9c.js",
    "static/chunks/2-liacn1-fmrj.js",
    "static/chunks/0c1ad7rcpjghx.js",
    "static/chunks/turbopack-077hmtqrhcoji.js"
  ],
  "rootMainFilesTree": {},
  "pagesChunkGroupBootstrapParams": {
    "/_not-found/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/_global-error/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/blog/[slug]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/blog/q/[key]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/cart/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/collections/[slug]/q/[key]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/collections/[slug]/s/[key]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/missing/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/products/[slug]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/products/q/[key]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/(shop)/products/s/[key]/page": {
      "otherChunks": [
        "static/chunks/1pcw6gskne7pf.js",
        "static/chunks/0vm8zo6v48m9c.js",
        "static/chunks/2-liacn1-fmrj.js",
        "static/chunks/0c1ad7rcpjghx.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    }
  },
  "chunkLoadingGlobal": "TURBOPACK"
};
