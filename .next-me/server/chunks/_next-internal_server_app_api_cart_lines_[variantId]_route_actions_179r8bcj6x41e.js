module.exports=[25490,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_cart_lines_%5BvariantId%5D_route_actions_179r8bcj6x41e.js.map