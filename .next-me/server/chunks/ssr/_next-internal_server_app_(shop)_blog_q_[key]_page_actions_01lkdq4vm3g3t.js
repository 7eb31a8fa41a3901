module.exports=[16284,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%28shop%29_blog_q_%5Bkey%5D_page_actions_01lkdq4vm3g3t.js.map