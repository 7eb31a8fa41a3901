module.exports=[61410,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_products_s_%5Bkey%5D_page_actions_0jvclnbk_qz47.js.map