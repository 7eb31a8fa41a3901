module.exports=[31236,a=>{"use strict";a.s([])}];

//# sourceMappingURL=1oeh_server_app_%28shop%29_collections_%5Bslug%5D_q_%5Bkey%5D_page_actions_0_xq8itt0cct4.js.map