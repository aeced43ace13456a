package main

import (
	"embed"
	"path"
	"reflect"
	"strings"

	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/pages"
)

// reportSynopsis is the synopsis of hubrules report.
const reportSynopsis = "hubrules report --html --programme P --date YYYY-MM-DD [--in hub.json] [--lang zh|en] [--params FILE] > report.html\n" +
	"  枢纽报告：成员组织的覆盖、党组织统计、六同步与交叉任职，一个可打印的 HTML 文件 / the hub report: coverage, party statistics, the six synchronizations and cross-appointment, one printable HTML file\n"

// cmdReport writes the hub report of a ReportInput (a hub's members as
// check coverage takes them, and their logs as check sync takes each) as
// one self-contained HTML file. Its exit code is the outcome's over the
// report's decisions, as a decision's is.
func cmdReport(e *env, args []string) (int, error) {
	e.decision, e.pkg = true, "hub"
	fs, programme, date, lang := e.flags("report", "json")
	html := fs.Bool("html", false, "写 HTML 报告（必填：目前唯一的格式）/ write the HTML report (required: the one format for now)")
	e.helpHead = reportSynopsis
	rest, err := e.parse(fs, programme, date, lang, args)
	if err != nil {
		return 0, err
	}
	switch {
	case len(rest) > 0:
		return 0, usage("report 不接受参数："+strings.Join(rest, " "), "report takes no arguments: "+strings.Join(rest, " "))
	case !*html:
		return 0, usage("report 需要 --html（报告目前只有 HTML 格式）", "report needs --html (the report is HTML only for now)")
	case e.jsonl:
		return 0, usage("report 读取一个输入，不接受 --jsonl", "report reads one input; it takes no --jsonl")
	}
	data, err := e.readInput()
	if err != nil {
		return 0, err
	}
	in, err := pages.DecodeReportInput(data, e.limits)
	if err != nil {
		return 0, err
	}
	env, err := e.kindEnv()
	if err != nil {
		return 0, err
	}
	rep, err := pages.BuildReport(env, in)
	if err != nil {
		return 0, err
	}
	if err := pages.WriteReport(e.stdout, rep, e.lang, true); err != nil {
		return 0, err
	}
	return rep.Outcome().ExitCode(), nil
}

// reportSchemaName names the schema of the hub report's input.
const reportSchemaName = "report"

// reportSchema is the JSON Schema of the hub report's input
// (pages.ReportInput: check coverage's hub and members, and one check
// sync input per organization).
func reportSchema() map[string]any {
	s := schemaFor(reflect.TypeOf(pages.ReportInput{}), schemaInput)
	s["$schema"] = draft2020
	s["title"] = "hubrules report input"
	s["description"] = "枢纽报告的输入：成员组织（同 check coverage）与各组织的六同步记录（同 check sync）/ the hub report's input: the members (as check coverage) and each organization's log (as check sync)"
	return s
}

// sampleFiles are the sample inputs of the kinds and of the hub report,
// which the pages of hubrules serve prefill.
//
//go:embed testdata/*.json testdata/report/hub.json
var sampleFiles embed.FS

// pageSamples returns the sample input of each kind (testdata/KIND.json)
// and the hub report's (testdata/report/hub.json).
func pageSamples() (map[string][]byte, []byte) {
	out := map[string][]byte{}
	for _, k := range kinds.All() {
		if b, err := sampleFiles.ReadFile(path.Join("testdata", schemaName(k.Name)+".json")); err == nil {
			out[k.Name] = b
		}
	}
	report, _ := sampleFiles.ReadFile("testdata/report/hub.json")
	return out, report
}
