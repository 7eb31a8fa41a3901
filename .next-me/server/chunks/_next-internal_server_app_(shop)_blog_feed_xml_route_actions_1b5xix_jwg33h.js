module.exports=[60221,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_blog_feed_xml_route_actions_1b5xix_jwg33h.js.map