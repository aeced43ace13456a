package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// envelopeKeys are the top-level keys of every decision, in order.
var envelopeKeys = []string{"kind", "programme", "as_of", "rule_set", "outcome", "checks", "findings", "basis", "result"}

// topKeys returns the keys of the JSON object data in their order.
func topKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return keys
}

func TestEnvelope_EveryKindAnswersWithTheSameKeysAndItsOutcomeDecidesTheExitCode(t *testing.T) {
	for _, c := range commands() {
		name := strings.ReplaceAll(c.path, " ", "-")
		s, ok := samples[name]
		if !assert.True(t, ok, "kind %s has no sample input and golden output", c.path) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append(append([]string{}, s.args...), "--in", filepath.Join("testdata", s.in))...)
			require.Empty(t, errOut)
			assert.Equal(t, envelopeKeys, topKeys(t, []byte(out)))
			var d struct {
				Kind     string                   `json:"kind"`
				Outcome  hubrules.DecisionOutcome `json:"outcome"`
				Checks   json.RawMessage          `json:"checks"`
				Findings json.RawMessage          `json:"findings"`
				RuleSet  struct {
					Version string `json:"version"`
					Params  []struct{ Package, Digest string }
				} `json:"rule_set"`
				Basis struct {
					DateSource string          `json:"date_source"`
					Params     json.RawMessage `json:"params"`
					Missing    json.RawMessage `json:"missing"`
				} `json:"basis"`
				Result json.RawMessage `json:"result"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &d))
			assert.Equal(t, c.path, d.Kind)
			assert.True(t, d.Outcome.Valid(), d.Outcome)
			assert.Equal(t, d.Outcome.ExitCode(), code, "one outcome→exit table for every kind")
			for field, raw := range map[string]json.RawMessage{"checks": d.Checks, "findings": d.Findings, "basis.params": d.Basis.Params, "basis.missing": d.Basis.Missing} {
				assert.True(t, strings.HasPrefix(string(raw), "["), "%s is always an array, got %.20s", field, raw)
			}
			assert.Equal(t, hubrules.Version, d.RuleSet.Version)
			for _, p := range d.RuleSet.Params {
				assert.True(t, strings.HasPrefix(p.Digest, "sha256:"), p)
			}
			assert.Equal(t, "caller", d.Basis.DateSource)
			assert.True(t, strings.HasPrefix(string(d.Result), "{"), "result is the kind's payload")
			for _, moved := range []string{`"basis"`, `"checks"`, `"findings"`, `"report"`, `"validity_basis"`, `"base_basis"`} {
				assert.NotContains(t, topKeys(t, d.Result), strings.Trim(moved, `"`), "result repeats what the envelope holds")
			}
		})
	}
}

func TestEnvelope_ParameterValuesAreTypedJSON(t *testing.T) {
	_, out, _ := runCLI(t, "", "fund", "venture", "--programme", "wuliqiao", "--date", "2018-12-31", "--in", "testdata/fund-venture.json")
	var d struct {
		Basis struct {
			Params []struct {
				Name  string          `json:"name"`
				Value json.RawMessage `json:"value"`
			} `json:"params"`
		} `json:"basis"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	got := map[string]string{}
	for _, p := range d.Basis.Params {
		got[p.Name] = string(p.Value)
	}
	assert.Equal(t, `"50000.00"`, got["venture.cap"], "an exact decimal stays a quoted string")
	assert.JSONEq(t, `[{"milestone":"signed","share":"0.50"},{"milestone":"midterm","share":"0.50"}]`, got["venture.tranches"], "a list is JSON, not YAML text")
}

// decisionArgs are the subcommands that make decisions, with an input.
func decisionArgs() [][]string {
	var out [][]string
	for _, c := range commands() {
		out = append(out, strings.Fields(c.path))
	}
	return append(out, []string{"params", "hub"})
}

func TestSilentDefaults_ProgrammeAndDateAreRequired(t *testing.T) {
	for _, args := range decisionArgs() {
		for _, missing := range []string{"--programme", "--date"} {
			full := append(append([]string{}, args...), "--programme", "kaixuan", "--date", "2024-06-30")
			var cut []string
			for i := 0; i < len(full); i++ {
				if full[i] == missing {
					i++
					continue
				}
				cut = append(cut, full[i])
			}
			code, out, errOut := runCLI(t, "{}", cut...)
			assert.Equal(t, exitInput, code, cut)
			assert.Empty(t, out, cut)
			assert.Contains(t, errOut, `"code":"usage"`, cut)
			assert.Contains(t, errOut, "缺少 "+missing, "the usage error names the missing flag: %v", cut)
		}
	}
}

func TestDateToday_ComesFromTheClockAndTheEnvelopeSaysSo(t *testing.T) {
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Date(2024, 6, 30, 23, 0, 0, 0, time.Local) }
	in := `{"organizations":[{"id":"a","formal_members":3}]}`
	code, out, errOut := runCLI(t, in, "check", "forms", "--programme", "national", "--date", "today")
	require.Equal(t, exitOK, code, errOut)
	var d struct {
		AsOf  string `json:"as_of"`
		Basis struct {
			DateSource string `json:"date_source"`
		} `json:"basis"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Equal(t, "2024-06-30", d.AsOf)
	assert.Equal(t, "clock", d.Basis.DateSource)

	_, out, _ = runCLI(t, in, "check", "forms", "--programme", "national", "--date", "2024-06-30")
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Equal(t, "caller", d.Basis.DateSource)

	_, out, _ = runCLI(t, "", "params", "hub", "--programme", "national", "--date", "today", "--json")
	assert.Contains(t, out, `"date_source": "clock"`)
}

func TestHelp_EverySubcommandPrintsItsFlagsAndExitsZero(t *testing.T) {
	subs := append(decisionArgs(), []string{"rules"}, []string{"explain"}, []string{"schema"})
	for _, args := range subs {
		for _, h := range []string{"--help", "-h"} {
			code, out, errOut := runCLI(t, "", append(append([]string{}, args...), h)...)
			assert.Equal(t, exitOK, code, args)
			assert.Empty(t, errOut, args)
			path := strings.Join(args, " ")
			if args[0] == "params" {
				path = "params PACKAGE"
			}
			assert.Contains(t, out, "hubrules "+path, args)
			assert.Contains(t, out, "--format", "the flags with their meaning")
			if args[0] != "rules" && args[0] != "explain" && args[0] != "schema" {
				assert.Contains(t, out, "--programme", args)
				assert.Contains(t, out, "必填", "the help says the programme and date are required")
			}
		}
	}
}

func TestHelp_PrintsTheOneExitCodeTable(t *testing.T) {
	_, out, _ := runCLI(t, "", "help")
	for _, o := range hubrules.DecisionOutcomes() {
		assert.Regexp(t, `(?m)^  `+string(rune('0'+o.ExitCode()))+` +outcome `+string(o)+`: `, out)
		assert.Contains(t, out, "结果为"+o.Name().ZH+"（"+string(o)+"）")
	}
	assert.Contains(t, out, "--date YYYY-MM-DD|today (both required)")
}

func TestUsageErrors_AreInChineseToo(t *testing.T) {
	_, _, errOut := runCLI(t, "{}", "check", "sync", "--programme", "national", "--date", "2024-06-30", "--no-such-flag")
	assert.Contains(t, errOut, "未定义的参数 -no-such-flag")
	_, _, errOut = runCLI(t, `{"record":{"subject":"s","state":"applied"},"trigger":"promote","date":"2024-03-01","facts":{}}`,
		"incubate", "--programme", "kaixuan", "--date", "2024-03-01")
	assert.Contains(t, errOut, "（applied）不允许触发", "Chinese labels, the code in brackets")
	assert.NotContains(t, errOut, "状态 applied")
}

func TestJSONLines_HeaderOnceAndTheBasisOnlyWhenItDiffers(t *testing.T) {
	good := syncLines(t)
	code, out, _ := runCLI(t, good[0]+"\n"+good[1]+"\n", "check", "sync", "--jsonl", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Equal(t, exitFindings, code)
	recs := jsonlRecords(t, out, "check sync")
	require.Len(t, recs, 2)
	assert.Equal(t, []string{"line", "outcome", "checks", "findings", "basis", "sources", "result"}, topKeys(t, []byte(recs[0])), "the first record has the basis and the links' sources")
	assert.Equal(t, []string{"line", "outcome", "checks", "findings", "citations", "result"}, topKeys(t, []byte(recs[1])), "the same basis and sources are not repeated; a citation first needed is written")
	var head struct {
		RuleSet struct {
			Version string `json:"version"`
		} `json:"rule_set"`
	}
	require.NoError(t, json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &head))
	assert.Equal(t, hubrules.Version, head.RuleSet.Version)
}

func TestJSONLines_TheFundKindsStream(t *testing.T) {
	in := `{"project":"a","total":"286000.00"}` + "\n" + `{"project":"b","total":"1000.00"}` + "\n"
	code, out, errOut := runCLI(t, in, "fund", "fee", "--jsonl", "--programme", "lujiazui", "--date", "2018-12-31")
	require.Equal(t, exitOK, code, errOut)
	recs := jsonlRecords(t, out, "fund fee")
	require.Len(t, recs, 2)
	assert.Contains(t, recs[0], `"fee":"28600.00"`)
	assert.Contains(t, recs[1], `"fee":"100.00"`)
	for _, c := range commands() {
		if strings.HasPrefix(c.path, "fund ") {
			assert.True(t, c.lines, "%s takes --jsonl", c.path)
		}
	}
}

func TestJSONLines_TextFormatIsRefused(t *testing.T) {
	code, out, errOut := runCLI(t, syncLines(t)[0], "check", "sync", "--jsonl", "--format", "text", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, `"code":"usage"`)
	assert.Contains(t, errOut, "--format text")
}

func TestJSONLines_ProgressOnStandardError(t *testing.T) {
	in, err := os.ReadFile("testdata/check-sync.jsonl")
	require.NoError(t, err)
	_, _, errOut := runCLI(t, string(in), "check", "sync", "--jsonl", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Empty(t, errOut, "no progress unless asked for or standard error is a terminal")

	_, _, errOut = runCLI(t, string(in), "check", "sync", "--jsonl", "--progress", "--programme", "kaixuan", "--date", "2024-12-31")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	var last struct {
		Progress struct {
			Records   int  `json:"records"`
			Errors    int  `json:"errors"`
			PerSecond *int `json:"per_second"`
			Done      bool `json:"done"`
		} `json:"progress"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &last), errOut)
	assert.Equal(t, 3, last.Progress.Records)
	assert.Equal(t, 1, last.Progress.Errors)
	assert.NotNil(t, last.Progress.PerSecond)
	assert.True(t, last.Progress.Done)

	f, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer f.Close()
	assert.True(t, isTerminal(f), "a character device counts as a terminal")
	assert.False(t, isTerminal(&bytes.Buffer{}))
}

func TestLedger_ARefusedEntryIsARefusalNamingTheEntry(t *testing.T) {
	in := `{"entries":[{"op":"commit","area":"cultivation","project":"p","amount":"100.00"},{"op":"pay","project":"p","amount":"150.00"}]}`
	code, out, errOut := runCLI(t, in, "fund", "ledger", "--programme", "jingan", "--date", "2018-12-31")
	require.Equal(t, exitFindings, code, errOut)
	var d struct {
		Outcome  string `json:"outcome"`
		Findings []struct {
			Rule, Subject string
		} `json:"findings"`
		Result struct {
			Totals struct {
				Committed string `json:"committed"`
				Paid      string `json:"paid"`
			} `json:"totals"`
		} `json:"result"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Equal(t, "refused", d.Outcome)
	require.Len(t, d.Findings, 1)
	assert.Equal(t, "FND-BUDGET-01", d.Findings[0].Rule)
	assert.Equal(t, "entries[1]", d.Findings[0].Subject)
	assert.Equal(t, "100.00", d.Result.Totals.Committed, "the ledger after the entries before the refused one")
	assert.Equal(t, "0.00", d.Result.Totals.Paid)

	code, _, errOut = runCLI(t, `{"entries":[{"op":"steal","area":"cultivation","project":"p","amount":"1.00"}]}`, "fund", "ledger", "--programme", "jingan", "--date", "2018-12-31")
	assert.Equal(t, exitInput, code, "a malformed entry stays bad input")
	assert.Contains(t, errOut, "entries[0].op")
}
