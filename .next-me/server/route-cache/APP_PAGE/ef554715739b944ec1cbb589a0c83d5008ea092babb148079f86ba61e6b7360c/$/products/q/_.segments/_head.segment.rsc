1:"$Sreact.fragment"
2:"/_next/static/chunks/3qfy96eoyh-ek.js"
3:"ViewportBoundary"
4:I[97367,["$2"],"$3"]
5:"MetadataBoundary"
6:I[97367,["$2"],"$5"]
7:"$Sreact.suspense"
8:I[27201,["$2"],"IconMark"]
a:X
0:{"t":{"t":{"s":"","h":1040},"h":{"r":["$","$1","h",{"children":[null,["$","$L4",null,{"children":[["$","meta","0",{"charSet":"utf-8"}],["$","meta","1",{"name":"viewport","content":"width=device-width, initial-scale=1"}],["$","meta","2",{"name":"theme-color","content":"#f6f1e8","media":"(prefers-color-scheme: light)"}],["$","meta","3",{"name":"theme-color","content":"#171513","media":"(prefers-color-scheme: dark)"}]]}],["$","$L6",null,{"children":[["$","div",null,{"hidden":true,"children":["$","$7",null,{"name":"Next.Metadata","children":[["$","title","0",{"children":"Shop all · Steppe & Thread"}],["$","meta","1",{"name":"description","content":"Every piece in the shop: cashmere knitwear, yak and camel wool, felt for the home, and a few things that are not wool."}],["$","link","2",{"rel":"canonical","href":"http://localhost:3000/products"}],["$","meta","3",{"property":"og:title","content":"Shop all · Steppe & Thread"}],["$","meta","4",{"property":"og:description","content":"Every piece in the shop: cashmere knitwear, yak and camel wool, felt for the home, and a few things that are not wool."}],["$","meta","5",{"property":"og:site_name","content":"Steppe & Thread"}],["$","meta","6",{"property":"og:locale","content":"en_US"}],["$","meta","7",{"property":"og:type","content":"website"}],["$","meta","8",{"name":"twitter:card","content":"summary"}],["$","meta","9",{"name":"twitter:title","content":"Shop all · Steppe & Thread"}],["$","meta","10",{"name":"twitter:description","content":"Every piece in the shop: cashmere knitwear, yak and camel wool, felt for the home, and a few things that are not wool."}],["$","link","11",{"rel":"icon","href":"/icon.svg?icon.3xcyq6yly41pc.svg","sizes":"any","type":"image/svg+xml"}],["$","$L8","12",{}]]}]}],null]}],["$","meta",null,{"name":"next-size-adjust","content":""}]]}],"p":"$@9","v":null,"s":"$a"}},"a":"$@b","u":"$@c","b":"TXzkKNfe8SktMaHVkC9O_"}
a:300
c:true
a:C
b:0
9:"$undefined"
