module.exports=[53116,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_page_actions_14fj9zh5rmas5.js.map