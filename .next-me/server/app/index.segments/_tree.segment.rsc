:HL["/_next/static/chunks/0cp_i60ks-a7q.css","style"]
:HL["/_next/static/media/fraunces_latin_wght_normal-s.p.1v4l5w6-86t-v.woff2","font",{"crossOrigin":"","type":"font/woff2"}]
:HL["/_next/static/media/inter_latin_wght_normal-s.p.0gsaq8ukbf34m.woff2","font",{"crossOrigin":"","type":"font/woff2"}]
2:[["children",{"s":"__PAGE__","h":128}]]
1:[["children",{"s":"(shop)","h":32,"c":"$Q2"}]]
0:{"b":"TXzkKNfe8SktMaHVkC9O_","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
