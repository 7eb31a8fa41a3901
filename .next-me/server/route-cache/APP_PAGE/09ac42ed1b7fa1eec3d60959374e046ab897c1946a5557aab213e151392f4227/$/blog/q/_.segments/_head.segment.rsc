1:"$Sreact.fragment"
2:"/_next/static/chunks/3qfy96eoyh-ek.js"
3:"ViewportBoundary"
4:I[97367,["$2"],"$3"]
5:"MetadataBoundary"
6:I[97367,["$2"],"$5"]
7:"$Sreact.suspense"
8:I[27201,["$2"],"IconMark"]
a:X
0:{"t":{"t":{"s":"","h":1040},"h":{"r":["$","$1","h",{"children":[null,["$","$L4",null,{"children":[["$","meta","0",{"charSet":"utf-8"}],["$","meta","1",{"name":"viewport","content":"width=device-width, initial-scale=1"}],["$","meta","2",{"name":"theme-color","content":"#f6f1e8","media":"(prefers-color-scheme: light)"}],["$","meta","3",{"name":"theme-color","content":"#171513","media":"(prefers-color-scheme: dark)"}]]}],["$","$L6",null,{"children":[["$","div",null,{"hidden":true,"children":["$","$7",null,{"name":"Next.Metadata","children":[["$","title","0",{"children":"Journal · Steppe & Thread"}],["$","meta","1",{"name":"description","content":"Histories of Mongolia in the 1930s, and the places our wool comes from."}],["$","link","2",{"rel":"canonical","href":"http://localhost:3000/blog"}],["$","link","3",{"rel":"alternate","type":"application/rss+xml","href":"http://localhost:3000/blog/feed.xml"}],["$","meta","4",{"property":"og:title","content":"Journal · Steppe & Thread"}],["$","meta","5",{"property":"og:description","content":"Histories of Mongolia in the 1930s, and the places our wool comes from."}],["$","meta","6",{"property":"og:site_name","content":"Steppe & Thread"}],["$","meta","7",{"property":"og:locale","content":"en_US"}],["$","meta","8",{"property":"og:type","content":"website"}],["$","meta","9",{"name":"twitter:card","content":"summary"}],["$","meta","10",{"name":"twitter:title","content":"Journal · Steppe & Thread"}],["$","meta","11",{"name":"twitter:description","content":"Histories of Mongolia in the 1930s, and the places our wool comes from."}],["$","link","12",{"rel":"icon","href":"/icon.svg?icon.3xcyq6yly41pc.svg","sizes":"any","type":"image/svg+xml"}],["$","$L8","13",{}]]}]}],null]}],["$","meta",null,{"name":"next-size-adjust","content":""}]]}],"p":"$@9","v":null,"s":"$a"}},"a":"$@b","u":"$@c","b":"TXzkKNfe8SktMaHVkC9O_"}
a:300
c:true
a:C
b:0
9:"$undefined"
