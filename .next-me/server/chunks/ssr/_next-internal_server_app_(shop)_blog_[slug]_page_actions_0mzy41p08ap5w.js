module.exports=[6076,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_blog_%5Bslug%5D_page_actions_0mzy41p08ap5w.js.map