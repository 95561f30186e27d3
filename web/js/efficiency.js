// Land-efficiency panel (亩均效益): placeholder. The efficiency capability replaces this file; it
// runs after js/app.js, so window.ZA is ready (ZA.registerPanel, ZA.api, ZA.t, ZA.onSelect, ...).
