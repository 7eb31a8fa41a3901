1:"$Sreact.fragment"
2:"/_next/static/chunks/3qfy96eoyh-ek.js"
3:"ViewportBoundary"
4:I[97367,["$2"],"$3"]
5:"MetadataBoundary"
6:I[97367,["$2"],"$5"]
7:"$Sreact.suspense"
8:I[27201,["$2"],"IconMark"]
a:X
0:{"t":{"t":{"s":"","h":1040},"h":{"r":["$","$1","h",{"children":[null,["$","$L4",null,{"children":[["$","meta","0",{"charSet":"utf-8"}],["$","meta","1",{"name":"viewport","content":"width=device-width, initial-scale=1"}],["$","meta","2",{"name":"theme-color","content":"#f6f1e8","media":"(prefers-color-scheme: light)"}],["$","meta","3",{"name":"theme-color","content":"#171513","media":"(prefers-color-scheme: dark)"}]]}],["$","$L6",null,{"children":[["$","div",null,{"hidden":true,"children":["$","$7",null,{"name":"Next.Metadata","children":[["$","title","0",{"children":"Arkhangai Yak Sweater · Steppe & Thread"}],["$","meta","1",{"name":"description","content":"A heavy crew neck in undyed yak down, knitted in a moss stitch that traps warm air. Herders in Arkhangai comb the yaks as they shed each spring, and the down is"}],["$","link","2",{"rel":"canonical","href":"http://localhost:3000/products/arkhangai-yak-sweater"}],["$","meta","3",{"property":"og:title","content":"Arkhangai Yak Sweater"}],["$","meta","4",{"property":"og:description","content":"A heavy crew neck in undyed yak down, knitted in a moss stitch that traps warm air. Herders in Arkhangai comb the yaks as they shed each spring, and the down is"}],["$","meta","5",{"property":"og:image","content":"http://localhost:3000/images/products/arkhangai-yak-sweater-1.webp"}],["$","meta","6",{"property":"og:image:alt","content":"Arkhangai Yak Sweater: a brown sweater in yak wool, shown whole"}],["$","meta","7",{"name":"twitter:card","content":"summary_large_image"}],["$","meta","8",{"name":"twitter:title","content":"Arkhangai Yak Sweater"}],["$","meta","9",{"name":"twitter:description","content":"A heavy crew neck in undyed yak down, knitted in a moss stitch that traps warm air. Herders in Arkhangai comb the yaks as they shed each spring, and the down is"}],["$","meta","10",{"name":"twitter:image","content":"http://localhost:3000/images/products/arkhangai-yak-sweater-1.webp"}],["$","meta","11",{"name":"twitter:image:alt","content":"Arkhangai Yak Sweater: a brown sweater in yak wool, shown whole"}],["$","link","12",{"rel":"icon","href":"/icon.svg?icon.3xcyq6yly41pc.svg","sizes":"any","type":"image/svg+xml"}],["$","$L8","13",{}]]}]}],null]}],["$","meta",null,{"name":"next-size-adjust","content":""}]]}],"p":"$@9","v":null,"s":"$a"}},"a":"$@b","u":"$@c","b":"TXzkKNfe8SktMaHVkC9O_"}
a:300
c:true
a:C
b:0
9:"$undefined"
