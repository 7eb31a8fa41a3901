module.exports=[92044,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_missing_page_actions_0_6jgw2c0wc23.js.map