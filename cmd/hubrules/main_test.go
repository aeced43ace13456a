package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func runCLI(t testing.TB, stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/hubrules -update to create it")
	assert.Equal(t, string(want), got, "golden file %s differs; rerun with -update if the change is intended", path)
}

// sample is one subcommand run on a sample input of testdata/.
type sample struct {
	args []string
	in   string
	code int
}

var samples = map[string]sample{
	"check-sync":      {[]string{"check", "sync", "--programme", "kaixuan", "--date", "2024-12-31"}, "check-sync.json", exitFindings},
	"check-coverage":  {[]string{"check", "coverage", "--programme", "wuliqiao", "--date", "2024-06-30"}, "check-coverage.json", exitOK},
	"check-structure": {[]string{"check", "structure", "--programme", "kaixuan", "--date", "2024-06-30"}, "check-structure.json", exitOK},
	"check-forms":     {[]string{"check", "forms", "--programme", "national", "--date", "2024-06-30"}, "check-forms.json", exitFindings},
	"incubate":        {[]string{"incubate", "--programme", "kaixuan", "--date", "2024-03-01"}, "incubate.json", exitOK},
	// jingan's admission needs a base of its three-level network
	// (INC-NET-01); no entry mode: the organization itself, by default
	"incubate-jingan": {[]string{"incubate", "--programme", "jingan", "--date", "2024-03-01"}, "incubate-jingan.json", exitOK},
	// graduation on an assessment of 59.5 (a JSON number, exact to the
	// tenth) against the threshold of 60: refused on that criterion alone
	"incubate-graduate": {[]string{"incubate", "--programme", "kaixuan", "--date", "2025-01-15"}, "incubate-graduate.json", exitFindings},
	"fund-fee":          {[]string{"fund", "fee", "--programme", "lujiazui", "--date", "2018-12-31"}, "fund-fee.json", exitOK},
	"fund-venture":      {[]string{"fund", "venture", "--programme", "wuliqiao", "--date", "2018-12-31"}, "fund-venture.json", exitOK},
	"fund-charity":      {[]string{"fund", "charity", "--programme", "kaixuan", "--date", "2024-12-31"}, "fund-charity.json", exitOK},
	"fund-donate":       {[]string{"fund", "donate", "--programme", "kaixuan", "--date", "2024-12-31"}, "fund-donate.json", exitOK},
	"fund-allocate":     {[]string{"fund", "allocate", "--programme", "jingan", "--date", "2018-12-31"}, "fund-allocate.json", exitOK},
	"grade":             {[]string{"grade", "--programme", "xiyuan", "--date", "2024-06-01"}, "grade.json", exitOK},
	"grade-standing":    {[]string{"grade", "standing", "--programme", "national", "--date", "2028-07-01"}, "grade-standing.json", exitOK},
	"grade-annual":      {[]string{"grade", "annual", "--programme", "kaixuan", "--date", "2024-06-01"}, "grade-annual.json", exitOK},
	"whatif":            {[]string{"whatif", "--programme", "kaixuan", "--date", "2024-06-01"}, "whatif.json", exitOK},
	"fund-ledger":       {[]string{"fund", "ledger", "--programme", "jingan", "--date", "2018-12-31"}, "fund-ledger.json", exitOK},
	// The samples below reach the rules no sample above checks. Their
	// organizations are placeholders ("示例…甲") and their data are
	// assumed, not taken from the programmes' articles.
	"check-governance": {[]string{"check", "governance", "--programme", "lujiazui", "--date", "2024-06-30"}, "check-governance.json", exitOK},
	"check-centre":     {[]string{"check", "centre", "--programme", "kaixuan", "--date", "2024-06-30"}, "check-centre.json", exitOK},
	// one month (2024-05) without an activity on the 25th
	"check-day":    {[]string{"check", "day", "--programme", "kaixuan", "--date", "2024-06-30"}, "check-day.json", exitFindings},
	"check-xiyuan": {[]string{"check", "xiyuan", "--programme", "xiyuan", "--date", "2024-06-30"}, "check-xiyuan.json", exitOK},
	// the party statistics layout (issue 16): invented organizations
	"check-statistics": {[]string{"check", "statistics", "--programme", "national", "--date", "2024-06-30"}, "check-statistics.json", exitOK},
	// a joint branch over six units (HUB-FORM-03)
	"check-structure-joint": {[]string{"check", "structure", "--programme", "kaixuan", "--date", "2024-06-30"}, "check-structure-joint.json", exitFindings},
	"fund-support":          {[]string{"fund", "support", "--programme", "lujiazui", "--date", "2018-12-31"}, "fund-support.json", exitOK},
	"fund-purchase":         {[]string{"fund", "purchase", "--programme", "national", "--date", "2024-06-30"}, "fund-purchase.json", exitOK},
	"fund-follow":           {[]string{"fund", "follow", "--programme", "xiyuan", "--date", "2024-06-30"}, "fund-follow.json", exitOK},
	"fund-pay":              {[]string{"fund", "pay", "--programme", "national", "--date", "2024-06-30"}, "fund-pay.json", exitOK},
	"fund-allowance":        {[]string{"fund", "allowance", "--programme", "kaixuan", "--date", "2024-06-30"}, "fund-allowance.json", exitOK},
	"fund-start":            {[]string{"fund", "start", "--programme", "national", "--date", "2024-06-30"}, "fund-start.json", exitOK},
	"fund-found":            {[]string{"fund", "found", "--programme", "national", "--date", "2024-06-30"}, "fund-found.json", exitOK},
	"grade-stars":           {[]string{"grade", "stars", "--programme", "kaixuan", "--date", "2024-06-30"}, "grade-stars.json", exitOK},
	// one graduation-services norm unmet: a warning (exit 0)
	"grade-norms":       {[]string{"grade", "norms", "--programme", "kaixuan", "--date", "2024-06-30"}, "grade-norms.json", exitOK},
	"incubate-classify": {[]string{"incubate", "classify", "--programme", "kaixuan", "--date", "2024-06-30"}, "incubate-classify.json", exitOK},
	"incubate-path":     {[]string{"incubate", "path", "--programme", "kaixuan", "--date", "2024-06-30"}, "incubate-path.json", exitOK},
	// a growing organization's one extension (INC-PERIOD-01)
	"incubate-extend": {[]string{"incubate", "--programme", "kaixuan", "--date", "2025-02-20"}, "incubate-extend.json", exitOK},
	// a graduated organization claims a community project (INC-GOV-01)
	"incubate-engage": {[]string{"incubate", "--programme", "kaixuan", "--date", "2025-03-01"}, "incubate-engage.json", exitOK},
}

// sampleNames returns the names of samples in order.
func sampleNames() []string {
	names := make([]string, 0, len(samples))
	for n := range samples {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func TestSubcommands_RunOnTheSampleInputs(t *testing.T) {
	for _, name := range sampleNames() {
		s := samples[name]
		t.Run(name, func(t *testing.T) {
			args := append(append([]string{}, s.args...), "--in", filepath.Join("testdata", s.in))
			code, out, errOut := runCLI(t, "", args...)
			require.Empty(t, errOut)
			assert.Equal(t, s.code, code)
			assert.True(t, json.Valid([]byte(out)), "JSON output")
			golden(t, name+".json", out)

			code, text, _ := runCLI(t, "", append(args, "--format", "text", "--lang", "en")...)
			assert.Equal(t, s.code, code)
			golden(t, name+".en.txt", text)
		})
	}
}

// The statistics print as a table with Chinese column heads by default and
// English ones with --lang en (issue 16).
func TestStatistics_PrintsATable(t *testing.T) {
	args := []string{"check", "statistics", "--programme", "national", "--date", "2024-06-30", "--in", filepath.Join("testdata", "check-statistics.json"), "--format", "text"}
	code, zh, _ := runCLI(t, "", args...)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, zh, "项目\t数量\t依据规则")
	assert.Contains(t, zh, "  联合组建：联合党总支（个）\t1\tHUB-FORM-03")
	golden(t, "check-statistics.zh.txt", zh)
	_, en, _ := runCLI(t, "", append(args, "--lang", "en")...)
	assert.Contains(t, en, "item\tcount\trule")
	assert.Contains(t, en, "formal party members in all (each person once)\t191\tHUB-COV-01")
}

func TestCatalogue_ListsEveryRuleOfDOMAIN(t *testing.T) {
	code, out, _ := runCLI(t, "", "rules", "--json")
	require.Equal(t, exitOK, code)
	var rules []struct {
		ID      string `json:"id"`
		Package string `json:"package"`
		Title   struct{ ZH, EN string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rules))
	got := map[string]bool{}
	for _, r := range rules {
		got[r.ID] = true
		assert.NotEmpty(t, r.Title.ZH, r.ID)
		assert.NotEmpty(t, r.Title.EN, r.ID)
	}
	doc, err := os.ReadFile("../../docs/rules.md")
	require.NoError(t, err, "the rule catalogue ships with the repository")
	for _, m := range regexp.MustCompile(`(?m)^### ((?:HUB|SYNC|INC|GRD|FND)-[A-Z0-9-]*) `).FindAllStringSubmatch(string(doc), -1) {
		pkg := map[string]string{"HUB": "hub", "SYN": "hub", "INC": "incubation", "GRD": "grading", "FND": "funding"}[m[1][:3]]
		if _, ok := packageOf(pkg); !ok {
			continue
		}
		assert.True(t, got[m[1]], "rules --json lacks %s", m[1])
	}
}

func TestExplainAndParams(t *testing.T) {
	code, out, _ := runCLI(t, "", "explain", "HUB-FORM-01", "--json")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `"confidence": "verified"`)
	code, out, _ = runCLI(t, "", "explain", "HUB-FORM-01", "--lang", "en")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "HUB-FORM-01")
	code, _, errOut := runCLI(t, "", "explain", "HUB-NOPE-01")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "unknown_rule")

	code, out, _ = runCLI(t, "", "params", "hub", "--programme", "kaixuan", "--date", "2024-01-01", "--json")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `"package": "hub"`)
	code, _, errOut = runCLI(t, "", "params", "nope", "--programme", "national", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "unknown_package")
}

func TestBadInput_ExitsTwoWithThePathInBothLanguages(t *testing.T) {
	cases := []struct {
		name  string
		stdin string
		args  []string
		path  string
	}{
		{"malformed JSON", "{", []string{"check", "sync", "--programme", "national", "--date", "2024-12-31"}, ""},
		{"wrong type", `{"id":"a","formal_members":"three","party_form":"none","events":[]}`, []string{"check", "sync", "--programme", "national", "--date", "2024-12-31"}, "formal_members"},
		{"unknown field", `{"id":"a","colour":"red"}`, []string{"check", "sync", "--programme", "national", "--date", "2024-12-31"}, "colour"},
		{"negative count", `{"id":"a","formal_members":-1,"party_form":"none","events":[]}`, []string{"check", "sync", "--programme", "national", "--date", "2024-12-31"}, "formal_members"},
		{"unknown programme", `{}`, []string{"check", "sync", "--date", "2024-12-31", "--programme", "beijing"}, "--programme"},
		{"bad date flag", `{}`, []string{"check", "sync", "--programme", "national", "--date", "2024-02-30"}, "--date"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, c.stdin, c.args...)
			assert.Equal(t, exitInput, code)
			assert.Empty(t, out)
			var body struct {
				Error struct {
					Code   string `json:"code"`
					Fields []struct {
						Path    string `json:"path"`
						Message struct{ ZH, EN string }
					} `json:"fields"`
				} `json:"error"`
			}
			require.NoError(t, json.Unmarshal([]byte(errOut), &body), errOut)
			assert.Equal(t, "invalid_input", body.Error.Code)
			require.NotEmpty(t, body.Error.Fields)
			assert.Equal(t, c.path, body.Error.Fields[0].Path)
			assert.NotEmpty(t, body.Error.Fields[0].Message.ZH)
			assert.NotEmpty(t, body.Error.Fields[0].Message.EN)
			assert.NotContains(t, errOut, "goroutine", "never a stack trace")
		})
	}
	for _, args := range [][]string{{"frobnicate"}, {"check", "nothing"}, {"check", "sync", "--programme", "national", "--date", "2024-12-31", "--no-such-flag"}, {"check", "coverage", "--jsonl"}} {
		code, _, errOut := runCLI(t, "{}", args...)
		assert.Equal(t, exitInput, code, args)
		assert.Contains(t, errOut, `"code":"usage"`, args)
	}
}

func TestJSONLines_StreamOneResultPerLine(t *testing.T) {
	in, err := os.ReadFile("testdata/check-sync.jsonl")
	require.NoError(t, err)
	code, out, _ := runCLI(t, string(in), "check", "sync", "--jsonl", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code, "the worst line decides: one line is malformed")
	lines := jsonlRecords(t, out, "check sync")
	require.Len(t, lines, 3)
	for _, l := range lines {
		assert.True(t, json.Valid([]byte(l)), l)
	}
	assert.Contains(t, lines[2], `"line":3`)
	assert.Contains(t, lines[2], `"path":"formal_members"`)

	in, err = os.ReadFile("testdata/grade.jsonl")
	require.NoError(t, err)
	code, out, _ = runCLI(t, string(in), "grade", "--jsonl", "--programme", "xiyuan", "--date", "2024-06-01")
	assert.Equal(t, exitInput, code)
	lines = jsonlRecords(t, out, "grade")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"grade":"5A"`)
	assert.Contains(t, lines[1], `"path":"scores[0].points"`)

	long := `{"id":"` + strings.Repeat("x", 200) + `"}`
	code, out, _ = runCLI(t, long+"\n", "check", "sync", "--programme", "national", "--date", "2024-12-31", "--jsonl", "--max-line", "100")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, out, "max_line", "the over-long line's error record")
}

func TestLimits_RefuseOversizeInput(t *testing.T) {
	big := `{"id":"` + strings.Repeat("x", 5000) + `"}`
	code, _, errOut := runCLI(t, big, "check", "sync", "--programme", "national", "--date", "2024-12-31", "--max-bytes", "1000")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "max_bytes")
	code, _, errOut = runCLI(t, `{"organizations":[{"id":"a"},{"id":"b"},{"id":"c"}]}`, "check", "forms", "--programme", "national", "--date", "2024-12-31", "--max-items", "2")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "max_items")
	code, _, _ = runCLI(t, `{"organizations":[{"id":"a","formal_members":0},{"id":"b","formal_members":1}]}`, "check", "forms", "--programme", "national", "--max-items", "2", "--date", "2024-01-01")
	assert.Equal(t, exitOK, code)
	code, _, errOut = runCLI(t, `{"organizations":[{"id":"abcdefghijk"}]}`, "check", "forms", "--programme", "national", "--date", "2024-12-31", "--max-string", "10")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "max_string")
	deep := strings.Repeat("[", 40) + strings.Repeat("]", 40)
	code, _, errOut = runCLI(t, deep, "check", "sync", "--programme", "national", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "max_depth")
}

func TestHelpAndUsage(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "check sync")
	code, _, _ = runCLI(t, "")
	assert.Equal(t, exitInput, code)
}

func FuzzCLIInput(f *testing.F) {
	for _, s := range samples {
		data, err := os.ReadFile(filepath.Join("testdata", s.in))
		require.NoError(f, err)
		f.Add(strings.Join(s.args[:len(s.args)-4], " "), string(data))
	}
	f.Add("check sync", "{")
	f.Fuzz(func(t *testing.T, cmd, input string) {
		args := append(strings.Fields(cmd), "--programme", "national", "--date", "2024-12-31")
		code, _, errOut := runCLI(t, input, args...)
		if code == exitInternal {
			t.Fatalf("internal error on %q %q: %s", cmd, input, errOut)
		}
	})
}

func TestIncubate_ATriggerTheStateDoesNotAllowIsBadInput(t *testing.T) {
	code, _, errOut := runCLI(t, `{"record":{"subject":"s","state":"applied"},"trigger":"promote","date":"2024-03-01","facts":{}}`,
		"incubate", "--programme", "kaixuan", "--date", "2024-03-01")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `"path":"trigger"`)
	assert.Contains(t, errOut, `"code":"not_allowed"`)
	assert.Contains(t, errOut, "allowed: admit, reject")
	assert.Contains(t, errOut, "允许：入壳（admit）")
}

func TestParamsFile_ForAnotherPackageOrWithAnUnknownNameIsRefused(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.yaml")
	require.NoError(t, os.WriteFile(other, []byte("package: funding\nparameters:\n  fee.rate:\n    description: {zh: 费率}\n    values: [{programme: national, from: 2014-01-01, value: \"0.2\", confidence: illustrative, source: {document: d}}]\n"), 0o644))
	code, _, errOut := runCLI(t, "{}", "check", "sync", "--programme", "national", "--date", "2024-12-31", "--params", other)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "the parameter file is for package funding")

	typo := filepath.Join(dir, "typo.yaml")
	require.NoError(t, os.WriteFile(typo, []byte("package: hub\nparameters:\n  form.own_branch_min_formall:\n    description: {zh: 拼错}\n    values: [{programme: national, from: 2014-01-01, value: 4, confidence: illustrative, source: {document: d}}]\n"), 0o644))
	code, _, errOut = runCLI(t, "{}", "check", "forms", "--programme", "national", "--date", "2024-12-31", "--params", typo)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "did you mean form.own_branch_min_formal?")

	code, _, errOut = runCLI(t, "", "check", "forms", "--programme", "national", "--date", "2024-12-31", "--in", dir)
	assert.Equal(t, exitInput, code, "a directory as input is a usage error, not an internal one")
	assert.Contains(t, errOut, `"code":"usage"`)
}
