package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/policytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	scenarioDocFile      = "../../docs/scenarios.md"
	scenarioExamplesFile = "../../docs/scenario-examples.yaml"
)

// formatExample is the case that docs/scenarios.md explains the format
// with.
const formatExample = `  - name: 计划晚于登记十九天，违反 SYNC-1     # 名称，文件内唯一 / unique in the file
    programme: kaixuan                      # 缺省 national / national when left out
    date: 2024-12-31                        # 评估日期 / the evaluation date
    kind: check sync                        # hubrules 的子命令 / a subcommand of hubrules
    input:                                  # 与命令行相同的输入，写成 YAML / the CLI's input, as YAML
      id: 凯旋某组织
      formal_members: 3
      party_form: own_branch
      events:
        - {kind: registered, date: 2024-03-01}
        - {kind: work_plan_submitted, date: 2024-03-20}
    expect:
      compliant: false
      findings: [SYNC-1]
      no_findings: [SYNC-4]
`

// whatIfExample is the same case under the shipped parameters and under a
// what-if parameter set: a policy officer's check of what a change would do.
const whatIfExample = `  # The same project under the shipped 10 % fee and under a 12 % what-if:
  # the input is written once (&project) and used again (*project).
  - name: lujiazui's fee is 10 % of the project total under the shipped parameters
    programme: lujiazui
    date: 2016-06-30
    kind: fund fee
    input: &project {project: 社区党建服务项目, total: "286000.00"}
    expect:
      compliant: true
      amounts: {fee: "28600.00", net: "257400.00"}

  - name: under a 12 % what-if the same project's fee is 34,320.00
    programme: lujiazui
    date: 2016-06-30
    kind: fund fee
    params: |
      package: funding
      parameters:
        fee.rate:
          description: {zh: 管理费率 12%（假设）, en: a 12 % fee (what-if)}
          values:
            - {programme: lujiazui, from: 2014-01-01, value: "0.12", confidence: illustrative, source: {document: what-if}}
    input: *project
    expect:
      amounts: {fee: "34320.00", net: "251680.00"}
`

// exampleOf returns a scenario of kind c on its sample input, with the
// expectations the decision meets: the programme and date of the sample,
// the compliance, the failed rules, the grade, two amounts, the state and
// the refusal's criteria.
func exampleOf(t *testing.T, c command) string {
	t.Helper()
	s, ok := samples[schemaName(c.path)]
	require.True(t, ok, "kind %s has no sample named %s in main_test.go", c.path, schemaName(c.path))
	flag := func(name string) string {
		for i := 0; i+1 < len(s.args); i++ {
			if s.args[i] == "--"+name {
				return s.args[i+1]
			}
		}
		return ""
	}
	data, err := os.ReadFile(filepath.Join("testdata", s.in))
	require.NoError(t, err)
	k, _ := kinds.Lookup(c.path)
	in := k.Input()
	require.NoError(t, hubrules.DecodeJSON(data, in))
	out, err := k.Eval(kinds.Env{Programme: hubrules.Programme(flag("programme")), Date: hubrules.MustParseDate(flag("date"))}, in)
	require.NoError(t, err)

	var b strings.Builder
	fmt.Fprintf(&b, "  - name: 示例 %s：%s\n    programme: %s\n    date: %s\n    kind: %s\n    input:\n", c.path, c.summary.ZH, flag("programme"), flag("date"), c.path)
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		b.WriteString("      " + line + "\n")
	}
	fmt.Fprintf(&b, "    expect:\n      compliant: %v\n", out.Compliant)
	list := func(key string, ids []string) {
		if len(ids) > 0 {
			fmt.Fprintf(&b, "      %s: [%s]\n", key, strings.Join(ids, ", "))
		}
	}
	list("findings", out.Findings)
	if out.Grade != hubrules.NoGrade {
		fmt.Fprintf(&b, "      grade: %s\n", out.Grade)
	}
	if len(out.Amounts) > 0 {
		names := make([]string, 0, len(out.Amounts))
		for n := range out.Amounts {
			names = append(names, n)
		}
		sort.Strings(names)
		var parts []string
		for _, n := range names[:min(2, len(names))] {
			parts = append(parts, fmt.Sprintf("%s: %q", n, out.Amounts[n]))
		}
		fmt.Fprintf(&b, "      amounts: {%s}\n", strings.Join(parts, ", "))
	}
	if out.State != "" {
		fmt.Fprintf(&b, "      state: %s\n", out.State)
	}
	list("refused", out.Refused)
	return b.String()
}

// TestScenarioDoc_MatchesTheFormat is the golden test of docs/scenarios.md
// and docs/scenario-examples.yaml: the keys come from policytest.Keys,
// and each kind's example, run by the same runner as hubrules test,
// passes. Rerun with -update after a change of the format or a kind.
func TestScenarioDoc_MatchesTheFormat(t *testing.T) {
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].path < cmds[j].path })
	examples := map[string]string{}
	var file strings.Builder
	file.WriteString("# An example scenario of every kind of decision, on the sample inputs of\n" +
		"# cmd/hubrules/testdata (generated by go test ./cmd/hubrules -update; see\n" +
		"# docs/scenarios.md). Run them with: hubrules test docs/scenario-examples.yaml\ncases:\n")
	for _, c := range cmds {
		examples[c.path] = exampleOf(t, c)
		file.WriteString(examples[c.path] + "\n")
	}
	file.WriteString(formatExample + "\n" + whatIfExample)

	dir := t.TempDir()
	tmp := filepath.Join(dir, "examples.yaml")
	require.NoError(t, os.WriteFile(tmp, []byte(file.String()), 0o644))
	res := policytest.RunFiles([]string{tmp}, policytest.Options{})
	require.True(t, res.OK(), res.Text(hubrules.EN))
	require.Equal(t, len(cmds)+3, res.Summary.Passed)

	doc := scenarioDoc(cmds, examples)
	for path, got := range map[string]string{scenarioDocFile: doc, scenarioExamplesFile: file.String()} {
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "go test ./cmd/hubrules -update")
		assert.Equal(t, string(want), got, "%s is stale: go test ./cmd/hubrules -update", path)
	}
}

// keyTable writes the table of the keys in lang.
func keyTable(b *strings.Builder, lang hubrules.Lang) {
	where := map[string]hubrules.Text{"file": hubrules.T("文件", "file"), "case": hubrules.T("场景", "case"), "expect": hubrules.T("expect", "expect")}
	yes := hubrules.T("必填", "required")
	if lang == hubrules.EN {
		b.WriteString("| key | in | | name | meaning |\n|---|---|---|---|---|\n")
	} else {
		b.WriteString("| 键 | 位置 | | 名称 | 含义 |\n|---|---|---|---|---|\n")
	}
	for _, k := range policytest.Keys() {
		req := ""
		if k.Required {
			req = yes.In(lang)
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s |\n", k.Name, where[k.In].In(lang), req, k.Label.In(lang), strings.ReplaceAll(k.Meaning.In(lang), "|", "\\|"))
	}
}

// scenarioDoc returns docs/scenarios.md.
func scenarioDoc(cmds []command, examples map[string]string) string {
	var b strings.Builder
	b.WriteString(`# 场景文件 / Scenario files

<!-- Generated by go test ./cmd/hubrules -update from policytest.Keys, the kinds of
decision and their sample inputs. Do not edit by hand. -->

政策专员把必须能够辩护的案例写成场景文件（“某组织某日登记、某日提交党建工作方案，应通过 SYNC-1”），
只用 ` + "`hubrules`" + ` 可执行文件即可运行，不需要 Go。Go 测试中，` + "`policytest.Run(t, \"testdata/\")`" + `
以同一个实现运行同样的文件。

Policy officers write the cases they must be able to defend ("an organization registered on this day
with its plan on that day passes SYNC-1") as scenario files, and run them with the ` + "`hubrules`" + ` binary
alone, without Go. In Go tests, ` + "`policytest.Run(t, \"testdata/\")`" + ` runs the same files with the same
implementation.

## 运行 / Running

` + "```sh" + `
hubrules test cases.yaml                    # 一个文件 / one file
hubrules test cases/                        # 文件夹下的全部 .yaml 与 .yml / every .yaml and .yml under a folder
hubrules test 'cases/*.yaml' --run '^凯旋'   # 通配模式；只运行名称相符的场景 / a glob; only the cases whose name matches
hubrules test cases/ --lang en              # 英文输出（缺省中文）/ English output (Chinese by default)
hubrules test cases/ --format json          # 机器可读 / machine-readable (hubrules schema test.output)
` + "```" + `

每个场景一行：` + "`通过`" + `、` + "`未通过`" + `（决定没有满足某项预期）或 ` + "`出错`" + `（场景无法按所写运行：未知的键、
写错的规则编号或日期、决定拒绝了输入而场景并未预期）；最后一行汇总 ` + "`N 个通过，N 个未通过，N 个出错，N 个跳过`" + `
（跳过的是 ` + "`--run`" + ` 未选中的场景）。未通过的场景写出：文件与行号；每项未满足的预期及其行号；规则编号、
名称及其依据（文件与条款）；该决定对这条规则检查了什么；决定中的违规及其事实；该规则所用的参数
（取值、项目、起始日期、可信度）；以及只重跑这一个场景的命令 ` + "`hubrules test FILE --run '^NAME$'`" + `。
写错一个键只是这个场景的一项错误，并给出最接近的有效键；同一文件的其他场景照常运行。

A line per scenario: ` + "`PASS`" + `, ` + "`FAIL`" + ` (the decision did not meet an expectation) or ` + "`ERROR`" + ` (the case
cannot run as written: an unknown key, a misspelt rule ID or date, an input the decision refused
without the case expecting it); the last line is the summary ` + "`N passed, N failed, N errors, N skipped`" + `
(skipped: not selected by ` + "`--run`" + `). A failing case shows its file and line; each unmet expectation
with its line; the rule ID, its title and its source (document and article); what the decision checked
of that rule; the decision's findings with their facts; the rule's parameters it used (value, programme,
start date, confidence); and the command that reruns just that case, ` + "`hubrules test FILE --run '^NAME$'`" + `.
A mistyped key is one error of its case, with the nearest valid key; the other cases of the file still run.

退出码 / exit codes: 0 全部通过 / every case passed; 1 有场景未通过、没有出错 / a case failed, none
errored; 2 有场景出错，或用法错误（如 ` + "`--run`" + ` 未选中任何场景）/ a case could not run, or usage (such as a
` + "`--run`" + ` that selects nothing).

` + "`--format json`" + ` 写出 ` + "`policytest.Results`" + ` / writes ` + "`policytest.Results`" + `:
` + "`{\"results\": [...], \"summary\": {\"passed\", \"failed\", \"errors\", \"skipped\"}}`" + `; each result has
` + "`file`, `line`, `name`, `kind`, `programme`, `date`, `status`" + ` (` + "`pass`, `fail`, `error`, `skipped`" + `),
` + "`rerun`" + `, and for a failure ` + "`failures`" + ` (each ` + "`key`, `line`, `want`, `got`, `message` {zh, en}" + `, and for a
rule ` + "`rule` {id, title, citation}, `checks`, `findings`, `params`" + `), ` + "`outcome`, `findings`, `params`" + `; for an
error ` + "`errors`" + ` (each ` + "`line`, `path`, `code`, `value`, `did_you_mean`, `message` {zh, en}" + `). Its JSON Schema:
` + "`hubrules schema test.output`" + ` ([cmd/hubrules/schema/test.output.json](../cmd/hubrules/schema/test.output.json)).

上限 / limits: 场景文件与 ` + "`params_file`" + ` 至多 4 MiB，` + "`input_file`" + ` 至多 16 MiB，一个文件中各场景的输入合计至多
32 MiB（同一输入文件只计一次）；超过者是该文件或该场景的一项错误。A scenario file and a ` + "`params_file`" + ` hold at
most 4 MiB, an ` + "`input_file`" + ` 16 MiB, and the inputs of one file's cases together 32 MiB (an input file counted
once); past a limit is one error of the file or the case.

## 格式 / The format

` + "```yaml\ncases:\n" + formatExample + "```" + `

`)
	b.WriteString("### 键 / Keys (中文)\n\n")
	keyTable(&b, hubrules.ZH)
	b.WriteString("\n### Keys (English)\n\n")
	keyTable(&b, hubrules.EN)
	b.WriteString(`
规则编号见 ` + "`hubrules rules`" + ` 与 [rules.md](rules.md)；各种类的输入结构见 ` + "`hubrules schema KIND`" + `，
结果结构（` + "`values`" + ` 的路径）见 ` + "`hubrules schema KIND --output`" + ` 中的 ` + "`result`" + `。
Rule IDs: ` + "`hubrules rules`" + ` and [rules.md](rules.md); each kind's input: ` + "`hubrules schema KIND`" + `; the result
(the paths of ` + "`values`" + `): the ` + "`result`" + ` of ` + "`hubrules schema KIND --output`" + `.

## 假设分析 / What-if as a test

同一案例在两套参数下：输入用 YAML 锚点写一次（` + "`&project`" + `）、再次引用（` + "`*project`" + `），第二个场景用
` + "`params`" + `（或 ` + "`params_file`" + `）叠加参数。
The same case under two parameter sets: the input written once with a YAML anchor (` + "`&project`" + `) and used
again (` + "`*project`" + `), the second case layering ` + "`params`" + ` (or ` + "`params_file`" + `) over the shipped set.

` + "```yaml\ncases:\n" + whatIfExample + "```" + `

## JSON Schema

场景文件的 JSON Schema（2020-12）由代码生成：每个键、每个种类的输入结构（按 ` + "`kind`" + ` 检查 ` + "`input`" + `）、
规则编号与等级的取值。The JSON Schema (2020-12) of the format is generated from the code: every key, each
kind's input schema (the ` + "`input`" + ` checked by its ` + "`kind`" + `), the rule IDs and grades.

` + "```sh" + `
hubrules schema scenarios > scenarios.schema.json
` + "```" + `

它也在 / it is also at [cmd/hubrules/schema/scenarios.json](../cmd/hubrules/schema/scenarios.json). 编辑器
（如 VS Code 的 YAML 扩展）在文件首行写 / editors (such as VS Code's YAML extension) take a first line
` + "`# yaml-language-server: $schema=./scenarios.schema.json`" + `.

## 每种决定一例 / An example per kind

以下各例取自 ` + "`cmd/hubrules/testdata`" + ` 的样例输入，其预期是决定的实际结果；它们都在
[scenario-examples.yaml](scenario-examples.yaml) 中，` + "`hubrules test docs/scenario-examples.yaml`" + ` 全部通过。
Each example runs a sample input of ` + "`cmd/hubrules/testdata`" + `, expecting what the decision gives; all are in
[scenario-examples.yaml](scenario-examples.yaml) and pass with ` + "`hubrules test docs/scenario-examples.yaml`" + `.
`)
	for _, c := range cmds {
		fmt.Fprintf(&b, "\n### %s — %s / %s\n\n```yaml\ncases:\n%s```\n", c.path, c.summary.ZH, c.summary.EN, examples[c.path])
	}
	return b.String()
}
