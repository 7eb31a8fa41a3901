var R=require("./chunks/[turbopack]_runtime.js")("server/middleware.js")
R.c("server/chunks/[externals]__0yagf31n66-r2._.js")
R.c("server/chunks/[root-of-the-server]__1o2ydl6ae0sd_._.js")
R.m(62395)
module.exports=R.m(62395).exports
