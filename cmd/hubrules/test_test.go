package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hubrules/hubrules/internal/yamljson"
	"github.com/hubrules/hubrules/policytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

const (
	seedScenarios    = "../../policytest/testdata/"
	failingScenarios = "testdata/scenarios-failing"
)

// The seeds' scenario files all pass: a line each and the summary, exit 0.
func TestTest_TheSeedScenariosPass(t *testing.T) {
	code, out, errOut := runCLI(t, "", "test", seedScenarios)
	assert.Empty(t, errOut)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "22 个通过，0 个未通过，0 个出错，0 个跳过\n")
	golden(t, "test/seeds.txt", out)
	code, out, _ = runCLI(t, "", "test", "--lang", "en", seedScenarios)
	assert.Equal(t, exitOK, code)
	golden(t, "test/seeds.en.txt", out)
}

// The failing and mistyped scenarios: failures with the rule, its citation,
// expected and decided values, facts, parameters and the rerun command;
// each typo one error, the other cases of the file still run.
func TestTest_FailingAndMistypedScenarios(t *testing.T) {
	code, out, errOut := runCLI(t, "", "test", failingScenarios)
	assert.Empty(t, errOut)
	assert.Equal(t, exitInput, code, "a scenario that cannot run is bad input")
	golden(t, "test/failing.txt", out)
	for _, want := range []string{
		"未通过 testdata/scenarios-failing/sync.yaml:4  a plan 19 days after registration breaks SYNC-1, which this case forgets\n",
		"第 17 行 expect.no_findings：预期不违反 SYNC-1，决定中却有这项违规\n",
		"规则 SYNC-1 登记同步",
		" 依据〔凯旋街道“凯益荟”社会组织“红色孵化器”〕",
		"work_plan_submitted_days_apart=19",
		"sync1_plan_max_days_after=0 days（national，自 2000-01-01 起，示意值）",
		"单独重跑：hubrules test testdata/scenarios-failing/sync.yaml --run '^a plan 19 days after registration breaks SYNC-1, which this case forgets$'\n",
		"第 9 行 cases[0].expcet：未知的键 expcet（场景“a misspelt expect”）；是否想写 expect（预期）？",
		"第 31 行 input.organizations[0].formal_membres：输入被拒绝：未知字段 \"formal_membres\"；是否想写 formal_members？\n",
		"通过 testdata/scenarios-failing/typos.yaml:34  after the typos, a correct case still runs and passes\n",
		"3 个通过，5 个未通过，7 个出错，0 个跳过\n",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "缺少 expect", "a typo of a key is one error, not also the key's absence")

	code, out, _ = runCLI(t, "", "test", failingScenarios, "--lang", "en")
	assert.Equal(t, exitInput, code)
	golden(t, "test/failing.en.txt", out)
	assert.Contains(t, out, `line 9 cases[0].expcet: unknown key "expcet"; did you mean "expect"?`)
	assert.Contains(t, out, "3 passed, 5 failed, 7 errors, 0 skipped\n")

	code, out, _ = runCLI(t, "", "test", "--format", "json", failingScenarios)
	assert.Equal(t, exitInput, code)
	golden(t, "test/failing.json", out)
	sch := compileSchema(t, testOutputName, schemas()[testOutputName])
	assert.NoError(t, validateJSON(t, sch, []byte(out)), "the JSON output follows schema/test.output.json")
}

// The exit code says the worst status; --run selects scenarios by name and
// counts the others as skipped; flags go before or after the paths; a
// path that names nothing is one error, and the others still run.
func TestTest_ExitCodesRunAndPaths(t *testing.T) {
	sync := filepath.Join(failingScenarios, "sync.yaml")
	code, out, _ := runCLI(t, "", "test", sync, "--run", "^the late plan")
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "1 个通过，0 个未通过，0 个出错，2 个跳过\n")
	code, out, _ = runCLI(t, "", "test", "--run", "SYNC-4", "--lang", "en", sync)
	assert.Equal(t, exitFindings, code, "a failure and no error: exit 1")
	assert.Equal(t, "0 passed, 1 failed, 0 errors, 2 skipped\n", out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:])

	code, out, _ = runCLI(t, "", "test", "../../policytest/testdata/hub_*.yaml", "nothing/here.yaml")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, out, "出错 nothing/here.yaml\n    没有与 nothing/here.yaml 相符的场景文件\n")
	assert.Contains(t, out, "5 个通过，0 个未通过，1 个出错")

	for _, args := range [][]string{{"test"}, {"test", sync, "--run", "("}, {"test", sync, "--run", "no such case"}, {"test", sync, "--format", "xml"}} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, exitInput, code, args)
		assert.Contains(t, errOut, `"code":"usage"`, args)
	}
	code, out, _ = runCLI(t, "", "test", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "--run")
	assert.Contains(t, out, "docs/scenarios.md")
}

// --format json is written one result at a time as the scenarios run, and
// is the JSON of policytest.RunFiles' Results; a folder holding only a
// parameter file has no scenario.
func TestTest_JSONIsStreamedAsRunFilesWouldWriteIt(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "what-if.yaml"), []byte("package: hub\nparameters: {}\n"), 0o644))
	for _, args := range [][]string{{failingScenarios}, {seedScenarios, "--run", "liaison"}, {dir}} {
		_, out, errOut := runCLI(t, "", append([]string{"test", "--format", "json"}, args...)...)
		var paths []string
		opt := policytest.Options{Command: "hubrules"}
		for i := 0; i < len(args); i++ {
			if args[i] == "--run" {
				opt.Run = regexp.MustCompile(args[i+1])
				i++
				continue
			}
			paths = append(paths, args[i])
		}
		var want bytes.Buffer
		require.NoError(t, writeJSON(&want, policytest.RunFiles(paths, opt)))
		assert.Equal(t, want.String(), out, args)
		if args[0] == dir {
			assert.Contains(t, errOut, "the paths given hold no scenario")
		}
	}
}

// The rerun command a failure prints runs that scenario alone, whatever
// its name holds (quotes, regular-expression characters).
func TestTest_TheRerunCommandRunsTheScenarioAlone(t *testing.T) {
	res := policytest.RunFiles([]string{failingScenarios}, policytest.Options{})
	n := 0
	for _, r := range res.Results {
		if r.Name == "" || r.Status == policytest.Passed {
			continue
		}
		args := shellWords(t, r.Rerun)
		require.Equal(t, "hubrules", args[0])
		_, out, _ := runCLI(t, "", append(args[1:], "--format", "json")...)
		var got policytest.Results
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		ran := 0
		for _, x := range got.Results {
			if x.Status != policytest.Skipped {
				ran++
				assert.Equal(t, r.Name, x.Name)
			}
		}
		if len(r.Errors) > 0 && r.Errors[0].Code == "duplicate" {
			assert.Equal(t, 2, ran, "a duplicate name selects both cases: that is why it is an error")
		} else {
			assert.Equal(t, 1, ran, r.Rerun)
		}
		n++
	}
	assert.Greater(t, n, 5)
}

// shellWords splits a command as a POSIX shell would, for the quoting
// that rerun commands use ('…' with '\” inside).
func shellWords(t *testing.T, s string) []string {
	var out []string
	var cur strings.Builder
	in, word := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case in && c == '\'':
			in = false
		case in:
			cur.WriteByte(c)
		case c == '\'':
			in, word = true, true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			word = true
		case c == ' ':
			if word {
				out = append(out, cur.String())
				cur.Reset()
				word = false
			}
		default:
			cur.WriteByte(c)
			word = true
		}
	}
	require.False(t, in, "unbalanced quotes in %s", s)
	if word {
		out = append(out, cur.String())
	}
	return out
}

// TestScenarioHelper is policytest.Run on the paths of
// HUBRULES_TEST_SCENARIOS, for TestTest_AgreesWithTheGoRunner; without it,
// it does nothing.
func TestScenarioHelper(t *testing.T) {
	paths := os.Getenv("HUBRULES_TEST_SCENARIOS")
	if paths == "" {
		t.Skip("run by TestTest_AgreesWithTheGoRunner")
	}
	policytest.Run(t, strings.Split(paths, string(os.PathListSeparator))...)
}

// The Go runner (policytest.Run, as a Go test) and the command agree on
// every scenario, passing and failing (the seeds, the failing folder and
// the examples of docs/scenarios.md): the command's status of each is
// the status of its subtest, and each failure's report (with its rerun
// command) is in the Go test's output.
func TestTest_AgreesWithTheGoRunner(t *testing.T) {
	for _, dir := range []string{seedScenarios, failingScenarios, scenarioExamplesFile} {
		_, out, _ := runCLI(t, "", "test", "--format", "json", dir)
		var cli policytest.Results
		require.NoError(t, json.Unmarshal([]byte(out), &cli))

		cmd := exec.Command(os.Args[0], "-test.run=^TestScenarioHelper$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), "HUBRULES_TEST_SCENARIOS="+dir)
		goOut, _ := cmd.CombinedOutput()
		subtests := map[string]string{} // subtest → PASS or FAIL
		sc := bufio.NewScanner(bytes.NewReader(goOut))
		sc.Buffer(nil, 1<<20)
		line := regexp.MustCompile(`^\s*--- (PASS|FAIL|SKIP): TestScenarioHelper/(.+) \(`)
		for sc.Scan() {
			if m := line.FindStringSubmatch(sc.Text()); m != nil {
				subtests[m[2]] = m[1]
			}
		}
		fileErrors := false
		seen := map[string]int{}
		for _, r := range cli.Results {
			if r.Name == "" {
				fileErrors = true
				continue
			}
			// Go names a second subtest of the same name "name#01".
			name := strings.ReplaceAll(filepath.Base(r.File)+"/"+r.Name, " ", "_")
			key := name
			if n := seen[name]; n > 0 {
				key = fmt.Sprintf("%s#%02d", name, n)
			}
			seen[name]++
			want := "PASS"
			if r.Status != policytest.Passed {
				want = "FAIL"
				assert.Contains(t, string(goOut), r.Rerun, "the Go test reports the failure of %s", key)
			}
			assert.Equal(t, want, subtests[key], "subtest %s of\n%s", key, goOut)
		}
		assert.Equal(t, cli.OK(), cmd.ProcessState.Success(), "the Go test fails exactly when the command does (%s)", dir)
		assert.Equal(t, fileErrors, strings.Contains(string(goOut), "broken.yaml:2"), dir)
	}
}

// The scenario schema accepts every scenario file that runs, and refuses
// the mistyped ones; a case's input is checked against its kind's input
// schema.
func TestTest_TheScenarioSchemaValidatesScenarioFiles(t *testing.T) {
	sch := compileSchema(t, scenarioSchemaName, schemas()[scenarioSchemaName])
	asJSON := func(file string) []byte {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal(data, &doc))
		var b bytes.Buffer
		require.NoError(t, yamljson.Write(&b, &doc, 0))
		return b.Bytes()
	}
	files, _ := filepath.Glob(seedScenarios + "*.yaml")
	files = append(files, filepath.Join(failingScenarios, "sync.yaml"), scenarioExamplesFile)
	for _, f := range files {
		assert.NoError(t, validateJSON(t, sch, asJSON(f)), f)
	}
	// A negative member count the case expects to be accepted.
	err := validateJSON(t, sch, asJSON(filepath.Join(failingScenarios, "funding.yaml")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/cases/3/input/organizations/0/formal_members")
	err = validateJSON(t, sch, asJSON(filepath.Join(failingScenarios, "typos.yaml")))
	require.Error(t, err)
	for _, want := range []string{"'expcet'", "'complaint'", "/cases/1/expect/no_findings/0", "/cases/2/programme", "/cases/2/kind", "'2024-02-30' is not valid date", "'formal_membres'"} {
		assert.Contains(t, err.Error(), want)
	}
}
