module.exports=[93351,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_products_%5Bslug%5D_page_actions_1--uydpw_0xnh.js.map