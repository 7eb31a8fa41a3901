module.exports=[5730,a=>{"use strict";var b=a.i(7997),c=a.i(96432);a.s(["default",0,function(){return(0,b.jsx)(c.f,{})}])},23607,function(a){a.n(a.i(5730))}];

//# sourceMappingURL=app_%28shop%29_not-found_tsx_0r7f1w09ovc1o._.js.map