module.exports=[60864,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_cart_shipping_route_actions_032hcduqxikep.js.map