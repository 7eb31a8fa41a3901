:HL["/_next/static/chunks/0cp_i60ks-a7q.css","style"]
2:[["children",{"s":"__PAGE__","h":160}]]
1:[["children",{"s":"/_not-found","h":96,"c":"$Q2"}]]
0:{"b":"TXzkKNfe8SktMaHVkC9O_","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
