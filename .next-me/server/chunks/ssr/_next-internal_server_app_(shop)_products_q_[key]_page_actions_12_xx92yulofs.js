module.exports=[58376,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_products_q_%5Bkey%5D_page_actions_12_xx92yulofs.js.map