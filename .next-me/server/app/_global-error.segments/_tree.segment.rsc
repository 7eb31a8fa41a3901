1:[["children",{"s":"__PAGE__","h":176}]]
0:{"b":"TXzkKNfe8SktMaHVkC9O_","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
