var R=require("../../../chunks/[turbopack]_runtime.js")("server/app/api/health/route.js")
R.c("server/chunks/[externals]__0p2hjtkq1chh4._.js")
R.c("server/chunks/_01ho1coz3dkrf._.js")
R.c("server/chunks/[root-of-the-server]__15bjnu5yieigz._.js")
R.c("server/chunks/node_modules_zod_v4_classic_external_0m1fgzg5ebfbk.js")
R.c("server/chunks/lib_0q959-z4sl02j._.js")
R.c("server/chunks/_next-internal_server_app_api_health_route_actions_1ryftkbeskq31.js")
R.m(61370)
module.exports=R.m(61370).exports
