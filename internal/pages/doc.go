// Package pages is the part of hubrules serve that policy officers
// (政策干部) and street-office staff (街道工作人员) look at instead of JSON:
// server-rendered html/template pages, in Chinese by default (lang="zh-CN")
// with an English switch (?lang=en, or an Accept-Language that prefers
// English), every style and script embedded (go:embed) so that they work on
// an offline government network — no CDN, no external font.
//
//	GET  /                 规则目录: the rule catalogue by package, searched by ID or title (?q=)
//	GET  /rules/{id}       一条规则: what it decides, its source (依据), its parameters (参数)
//	                       per programme as a timeline of dated values with their confidence
//	                       (已核实 / 二手 / 示意), and the values in force (施行) on ?date=
//	GET  /compare          参数对比: a package's parameters for two programmes or two dates
//	                       side by side, each difference marked ≠
//	GET  /try, POST /try   试算: a kind, programme, date and input (the sample prefilled),
//	                       the explained decision rendered beside its JSON
//	GET  /report           枢纽报告的表单 (the hub report's form)
//	POST /report           枢纽报告: a hub's coverage (覆盖), party statistics (党组织统计),
//	                       six-synchronization grid (六同步), cross-appointment rate (交叉任职率)
//	                       and every finding with its rule and citation, on one printable page
//
// The hub report (WriteReport) is also what hubrules report --html writes:
// one self-contained file, its stylesheet inlined, with an A4 print
// stylesheet. It is built from the check coverage and check sync decisions
// of internal/kinds (BuildReport), so it says exactly what those decisions
// say. No page shows a personal field (hubrules:"personal"): inputs and
// decisions are masked with hubrules.Mask before they are rendered.
//
// Outcomes are never told by colour alone: every pass, fail, not applicable
// and not in force carries a mark and a word (✔ 通过, ✘ 未通过, – 不适用,
// ⊘ 未施行), every confidence a mark and its name. Every page but "try it"
// works without JavaScript; "try it" also works as a plain form POST.
package pages
