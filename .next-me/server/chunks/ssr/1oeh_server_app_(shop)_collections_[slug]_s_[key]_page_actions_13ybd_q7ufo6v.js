module.exports=[87938,a=>{"use strict";a.s([])}];

//# sourceMappingURL=1oeh_server_app_%28shop%29_collections_%5Bslug%5D_s_%5Bkey%5D_page_actions_13ybd_q7ufo6v.js.map