module.exports=[40048,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_cart_lines_route_actions_1jiyesgt4zkeh.js.map