module.exports=[39689,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_cart_page_actions_11hthr7n8eqr-.js.map