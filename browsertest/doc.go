// Package browsertest loads the pages for policy officers (hubrules
// serve: the explorer at /, a rule page, the parameter comparison, a
// "try it" round trip and the hub report) in a real browser — Debian's
// chromium, headless, driven over the DevTools protocol with
// github.com/chromedp/chromedp — at 1280 and at 390 CSS pixels wide. A
// page fails on a console error or an uncaught exception (the pages'
// Content-Security-Policy turns any reference to another site into
// one), on a key text missing, or when it is wider than the window.
// Each page's screenshot is written under screenshots/ (ignored by git;
// SCREENSHOTS_DIR to choose another place), and the test says where.
//
// It is a module of its own, as servetest is, so that the browser
// library's requirements never reach the go line (1.24) the hubrules
// module promises its importers. Without a browser the tests skip with a
// message, except in CI (CI=true), where a missing browser fails: .ci/run
// installs chromium first.
package browsertest
