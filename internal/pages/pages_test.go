package pages

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules/internal/kinds"
)

// sampleDir holds the CLI's sample inputs, which hubrules serve embeds.
const sampleDir = "../../cmd/hubrules/testdata"

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sampleDir, name))
	require.NoError(t, err)
	return b
}

// testMux mounts the pages as hubrules serve does, with the CLI's samples.
func testMux(t testing.TB) http.Handler {
	t.Helper()
	samples := map[string][]byte{}
	for _, k := range kinds.All() {
		if b, err := os.ReadFile(filepath.Join(sampleDir, strings.ReplaceAll(k.Name, " ", "-")+".json")); err == nil {
			samples[k.Name] = b
		}
	}
	p, err := New(Config{Samples: samples, ReportSample: readSample(t, "report/hub.json"),
		Clock: func() time.Time { return time.Date(2024, 12, 31, 12, 0, 0, 0, time.UTC) }})
	require.NoError(t, err)
	mux := http.NewServeMux()
	for _, rt := range p.Routes() {
		mux.HandleFunc(rt.Method+" "+rt.Path, rt.Handler)
	}
	return mux
}

type page struct {
	status int
	header http.Header
	body   string
}

func do(t testing.TB, h http.Handler, r *http.Request) page {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return page{w.Code, w.Header(), w.Body.String()}
}

func get(t testing.TB, h http.Handler, target string, acceptLang ...string) page {
	t.Helper()
	r := httptest.NewRequest("GET", target, nil)
	if len(acceptLang) > 0 {
		r.Header.Set("Accept-Language", acceptLang[0])
	}
	return do(t, h, r)
}

func postForm(t testing.TB, h http.Handler, target string, form url.Values) page {
	t.Helper()
	r := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, h, r)
}

// assertPage checks what every page has: its status, an HTML content
// type, the lang attribute, no reference outside the service, and the
// key texts.
func assertPage(t *testing.T, p page, status int, lang string, texts ...string) {
	t.Helper()
	if !assert.Equal(t, status, p.status) {
		t.Logf("errors shown: %s", errorsRE.FindString(p.body))
	}
	assert.Equal(t, "text/html; charset=utf-8", p.header.Get("Content-Type"))
	assert.Contains(t, p.body, `<html lang="`+lang+`">`)
	assert.Contains(t, p.header.Get("Content-Security-Policy"), "default-src 'none'")
	for _, bad := range []string{"http://", "https://", "//cdn", "@import", "@font-face"} {
		assert.False(t, strings.Contains(strings.ReplaceAll(p.body, "http://dangjian.people.com.cn", ""), bad), "a page fetches nothing from elsewhere: %s", bad)
	}
	for _, s := range texts {
		assert.True(t, strings.Contains(p.body, s), "the page lacks %q", s)
	}
}

func TestIndex_ListsEveryPackageAndFindsRulesByIDAndTitle(t *testing.T) {
	h := testMux(t)
	p := get(t, h, "/")
	assertPage(t, p, 200, "zh-CN", "规则目录", "SYNC-4", "GRD-VALID-01", "FND-DONATE-01", `id="pkg-hub"`, `id="pkg-incubation"`, `id="pkg-grading"`, `id="pkg-funding"`,
		`<label for="q">`, `href="/rules/SYNC-4"`, `href="/?lang=en"`)
	// By its Chinese name: 年检 is SYNC-4's link.
	p = get(t, h, "/?q="+url.QueryEscape("年检"))
	assertPage(t, p, 200, "zh-CN", "SYNC-4", "找到")
	assert.NotContains(t, p.body, "GRD-VALID-01")
	assert.NotContains(t, p.body, `id="pkg-funding"`)
	// By ID, case-insensitive, and by English title.
	assertPage(t, get(t, h, "/?q=sync-4"), 200, "zh-CN", `href="/rules/SYNC-4"`)
	p = get(t, h, "/?q=annual+report&lang=en")
	assertPage(t, p, 200, "en", "Rule catalogue", "SYNC-4", `href="/rules/SYNC-4?lang=en"`, `name="lang" value="en"`)
	p = get(t, h, "/?q=nothing-matches-this")
	assertPage(t, p, 200, "zh-CN", "没有规则符合搜索条件")
}

func TestLangOf_QueryThenAcceptLanguageThenChinese(t *testing.T) {
	h := testMux(t)
	assertPage(t, get(t, h, "/", "en-GB,en;q=0.9"), 200, "en", "Rule catalogue")
	assertPage(t, get(t, h, "/", "zh-CN,zh;q=0.9,en;q=0.8"), 200, "zh-CN", "规则目录")
	assertPage(t, get(t, h, "/", "fr, en;q=0.5"), 200, "en")
	assertPage(t, get(t, h, "/", "en;q=0"), 200, "zh-CN")
	assertPage(t, get(t, h, "/?lang=zh", "en"), 200, "zh-CN")
	assertPage(t, get(t, h, "/?lang=en", "zh"), 200, "en")
	assert.Equal(t, "en", get(t, h, "/?lang=en").header.Get("Content-Language"))
}

func TestRule_ShowsSourceTimelineConfidenceAndWhatIsInForce(t *testing.T) {
	h := testMux(t)
	p := get(t, h, "/rules/SYNC-4?date=2024-12-31")
	assertPage(t, p, 200, "zh-CN", "SYNC-4", "判定内容", "依据", "参数", "施行中", "全国基准 (national)", "凯益荟红色孵化器 (kaixuan)",
		`<label for="date">`, `value="2024-12-31"`, `class="timeline"`)
	assert.Regexp(t, `已核实|二手|示意`, p.body, "a confidence badge")
	// Long before any value: not in force, with the day it starts.
	p = get(t, h, "/rules/SYNC-4?date=1990-01-01")
	assertPage(t, p, 200, "zh-CN", "未施行")
	assert.NotContains(t, p.body, "◀ 施行中")
	assertPage(t, get(t, h, "/rules/SYNC-4?lang=en"), 200, "en", "What it decides", "Source", "in force", "national base")
	// An unknown rule, a malformed date.
	p = get(t, h, "/rules/NO-SUCH-1")
	assertPage(t, p, 404, "zh-CN", "未知的规则编号 NO-SUCH-1")
	p = get(t, h, "/rules/SYNC-4?date=2024-13-40")
	assertPage(t, p, 400, "zh-CN", "日期应写作 YYYY-MM-DD：2024-13-40")
}

func TestCompare_MarksEachDifferenceWithAWord(t *testing.T) {
	h := testMux(t)
	p := get(t, h, "/compare?package=hub&a=jingan&b=kaixuan&date=2024-12-31")
	assertPage(t, p, 200, "zh-CN", "参数对比", "≠ 不同", `class="differs"`, `<label for="a">`, `<label for="date_b">`)
	// The same side twice: nothing differs.
	p = get(t, h, "/compare?package=hub&a=kaixuan&b=kaixuan&date=2024-12-31")
	assertPage(t, p, 200, "zh-CN", "<strong>0</strong>")
	assert.NotContains(t, p.body, "≠ 不同")
	// Two dates of one programme: a parameter not yet in force then.
	p = get(t, h, "/compare?package=hub&a=kaixuan&b=kaixuan&date=2024-12-31&date_b=1990-01-01")
	assertPage(t, p, 200, "zh-CN", "≠ 不同", "未施行")
	p = get(t, h, "/compare?package=hub&lang=en")
	assertPage(t, p, 200, "en", "Compare parameters", "parameters differ")
	p = get(t, h, "/compare?package=nope&a=mars&date=soon")
	assertPage(t, p, 400, "zh-CN", "未知的规则包 nope", "未知的项目", "日期应写作 YYYY-MM-DD：soon")
}

func TestTry_PrefillsTheSampleAndRendersTheExplainedDecision(t *testing.T) {
	h := testMux(t)
	p := get(t, h, "/try")
	assertPage(t, p, 200, "zh-CN", "试算", "kaixuan-2022-017", `<label for="input">`, `<label for="kind">`, `<label for="file">`, `src="/assets/try.js"`)
	p = get(t, h, "/try?kind=grade&programme=xiyuan&date=2024-06-01")
	assertPage(t, p, 200, "zh-CN", `value="grade" selected`, `value="xiyuan" selected`)
	assertPage(t, get(t, h, "/try?kind=nope"), 400, "zh-CN", "未知的判定种类 nope")

	p = postForm(t, h, "/try", url.Values{"kind": {"check sync"}, "programme": {"kaixuan"}, "date": {"2024-12-31"},
		"input": {string(readSample(t, "check-sync.json"))}})
	assertPage(t, p, 200, "zh-CN", "判定结果", "检查", "发现", `<a href="/rules/SYNC-4">SYNC-4</a>`, "未通过", "&#34;kind&#34;: &#34;check sync&#34;", "《")
	p = postForm(t, h, "/try", url.Values{"kind": {"check sync"}, "programme": {"kaixuan"}, "date": {"2024-12-31"}, "lang": {"en"},
		"input": {string(readSample(t, "check-sync.json"))}})
	assertPage(t, p, 200, "en", "The decision", "Findings", "fail")

	// Bad input: every field's path, in Chinese; the input stays in the form.
	p = postForm(t, h, "/try", url.Values{"kind": {"check sync"}, "programme": {"kaixuan"}, "date": {"2024-12-31"},
		"input": {`{"id": "x", "formal_members": -1, "party_form": "none", "events": []}`}})
	assertPage(t, p, 400, "zh-CN", "输入有误", "<code>formal_members</code>", "&#34;formal_members&#34;: -1")
	p = postForm(t, h, "/try", url.Values{"kind": {"check sync"}, "programme": {"mars"}, "date": {"someday"}, "input": {"{}"}})
	assertPage(t, p, 400, "zh-CN", "<code>programme</code>", "<code>date</code>")
}

func TestTry_TakesAnUploadedFile(t *testing.T) {
	h := testMux(t)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"kind": "check sync", "programme": "kaixuan", "date": "2024-12-31", "input": "not json"} {
		require.NoError(t, mw.WriteField(k, v))
	}
	fw, err := mw.CreateFormFile("file", "org.json")
	require.NoError(t, err)
	_, _ = fw.Write(readSample(t, "check-sync.json"))
	require.NoError(t, mw.Close())
	r := httptest.NewRequest("POST", "/try", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	assertPage(t, do(t, h, r), 200, "zh-CN", "判定结果", "kaixuan-2022-017")
}

func TestTry_ShowsNoPersonalField(t *testing.T) {
	h := testMux(t)
	in := strings.ReplaceAll(string(readSample(t, "incubate-graduate.json")), `"actor": "评估组"`, `"actor": "张三丰"`)
	require.Contains(t, in, "张三丰")
	p := postForm(t, h, "/try", url.Values{"kind": {"incubate"}, "programme": {"kaixuan"}, "date": {"2025-01-15"}, "input": {in}})
	assertPage(t, p, 200, "zh-CN", "判定结果")
	assert.NotContains(t, p.body, "张三丰", "the actor is a personal field: neither the decision nor the input shown holds it")
	// The prefilled samples neither.
	p = get(t, h, "/try?kind=incubate")
	assert.NotContains(t, p.body, `"actor": "`, "the sample's actor is removed")
}

func TestTry_RefusesAnInputOverTheLimit(t *testing.T) {
	p, err := New(Config{Limits: limitsOf(1000)})
	require.NoError(t, err)
	mux := http.NewServeMux()
	for _, rt := range p.Routes() {
		mux.HandleFunc(rt.Method+" "+rt.Path, rt.Handler)
	}
	big := `{"id": "` + strings.Repeat("x", 200<<10) + `"}`
	res := postForm(t, mux, "/try", url.Values{"kind": {"check sync"}, "programme": {"kaixuan"}, "date": {"2024-12-31"}, "input": {big}})
	assertPage(t, res, 400, "zh-CN", "输入超过大小上限 1000 字节")
}

func TestReport_FormAndJSONAndFormPost(t *testing.T) {
	h := testMux(t)
	p := get(t, h, "/report")
	assertPage(t, p, 200, "zh-CN", "枢纽报告", "kyh-01", `<label for="programme">`, `<label for="date">`, `<label for="input">`)

	r := httptest.NewRequest("POST", "/report?programme=kaixuan&date=2024-12-31", bytes.NewReader(readSample(t, "report/hub.json")))
	r.Header.Set("Content-Type", "application/json")
	p = do(t, h, r)
	assertReport(t, p, "zh-CN", "党组织覆盖", "党组织统计", "交叉任职率", "六同步", "发现（规则与依据）", `<svg class="chart" id="chart-forms"`,
		`id="chart-categories"`, `id="chart-cross"`, "✘ 未通过", "✔ 通过", "– 不适用", `<a href="/rules/HUB-XAPT-01">HUB-XAPT-01</a>`, "kyh-02")

	p = postForm(t, h, "/report", url.Values{"programme": {"kaixuan"}, "date": {"2024-12-31"}, "lang": {"en"}, "input": {string(readSample(t, "report/hub.json"))}})
	assertReport(t, p, "en", "Party coverage", "Party statistics", "Cross-appointment rate", "The six synchronizations", "not applicable")

	// Bad input: paths inside the report's input.
	bad := `{"hub": "h", "members": [{"id": "a", "form": "tent", "formal_members": 1}], "sync": [{"id": "s", "formal_members": 1, "party_form": "none", "events": [{"kind": "registered", "date": "2030-01-01"}]}]}`
	p = postForm(t, h, "/report", url.Values{"programme": {"kaixuan"}, "date": {"2024-12-31"}, "input": {bad}})
	assertPage(t, p, 400, "zh-CN", "输入有误", "<code>members[0].form</code>")
	bad = `{"hub": "h", "members": [], "sync": [{"id": "s", "formal_members": 1, "party_form": "none", "events": []}, {"id": "s2", "formal_members": 1, "party_form": "none", "events": [{"kind": "registered", "date": "2030-01-01"}]}]}`
	p = postForm(t, h, "/report", url.Values{"programme": {"kaixuan"}, "date": {"2024-12-31"}, "input": {bad}})
	assertPage(t, p, 400, "zh-CN", "输入有误", "<code>sync[1].events[0].date</code>")
}

// assertReport checks a hub report page: what every page has, and no
// script (the report is one self-contained page).
func assertReport(t *testing.T, p page, lang string, texts ...string) {
	t.Helper()
	assertPage(t, p, 200, lang, texts...)
	assert.NotContains(t, p.body, "<script")
	assert.Contains(t, p.body, "@page { size: A4")
}

func TestPages_EveryPageHasOrderedHeadingsAndLabelledFields(t *testing.T) {
	h := testMux(t)
	form := url.Values{"programme": {"kaixuan"}, "date": {"2024-12-31"}, "input": {string(readSample(t, "report/hub.json"))}}
	for name, p := range map[string]page{
		"index": get(t, h, "/"), "rule": get(t, h, "/rules/SYNC-4"), "compare": get(t, h, "/compare"), "try": get(t, h, "/try"),
		"report form": get(t, h, "/report"), "report": postForm(t, h, "/report", form),
	} {
		assert.Equal(t, 1, strings.Count(p.body, "<h1"), "%s: one h1", name)
		last := 1
		for _, m := range headingRE.FindAllStringSubmatch(p.body, -1) {
			level := int(m[1][0] - '0')
			assert.LessOrEqual(t, level, last+1, "%s: heading h%d after h%d", name, level, last)
			last = level
		}
		for _, m := range fieldRE.FindAllStringSubmatch(p.body, -1) {
			if strings.Contains(m[0], `type="hidden"`) {
				continue
			}
			id := idRE.FindStringSubmatch(m[0])
			if assert.NotNil(t, id, "%s: a field without an id: %s", name, m[0]) {
				assert.Contains(t, p.body, `<label for="`+id[1]+`"`, "%s: field %s has a label", name, id[1])
			}
		}
	}
}
