// Site finder and spatial queries: placeholder. The site-finder capability replaces this file; it
// runs after js/app.js, so window.ZA is ready (ZA.registerPanel, ZA.api, ZA.map, ZA.addOverlay, ...).
