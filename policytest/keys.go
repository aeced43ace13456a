package policytest

import "github.com/hubrules/hubrules"

// Key is one key of the scenario format. The one table of keys (Keys)
// serves the parser (an unknown key is an error with the nearest known
// key), docs/scenarios.md and the JSON Schema of the format that the
// hubrules command generates, so that the three cannot disagree.
type Key struct {
	// Name is the key as written in a scenario file.
	Name string
	// In is where the key goes: "file" (the top level), "case" (a case
	// of cases) or "expect" (the expect of a case).
	In string
	// Type says what the key holds, for the documentation and the
	// schema: "cases", "text", "programme", "date", "kind", "params",
	// "input", "file", "expect", "bool", "rules", "grade", "amounts",
	// "state", "values" or "paths".
	Type string
	// Required says the key must be there.
	Required bool
	// Label is the key's name in Chinese and English.
	Label hubrules.Text
	// Meaning says what the key means and what its absence means, in
	// Chinese and English.
	Meaning hubrules.Text
}

// Keys returns every key of the scenario format: the file's, then a
// case's, then those of a case's expect.
func Keys() []Key {
	return []Key{
		{Name: "cases", In: "file", Type: "cases", Required: true, Label: hubrules.T("场景列表", "the cases"),
			Meaning: hubrules.T("文件中的全部场景，每个一项。", "every case of the file, one item each.")},

		{Name: "name", In: "case", Type: "text", Required: true, Label: hubrules.T("名称", "name"),
			Meaning: hubrules.T("场景的名称，在文件中唯一；--run 按名称挑选场景。", "the case's name, unique in its file; --run picks cases by name.")},
		{Name: "programme", In: "case", Type: "programme", Label: hubrules.T("项目", "programme"),
			Meaning: hubrules.T("按哪个项目的参数决定；不写则为 national（全国）。", "the programme whose parameters decide; national when left out.")},
		{Name: "date", In: "case", Type: "date", Required: true, Label: hubrules.T("评估日期", "evaluation date"),
			Meaning: hubrules.T("评估日期 YYYY-MM-DD：在这一天生效的参数决定。", "the evaluation date YYYY-MM-DD: the parameters in effect that day decide.")},
		{Name: "kind", In: "case", Type: "kind", Required: true, Label: hubrules.T("决定种类", "kind of decision"),
			Meaning: hubrules.T("决定的种类，即 hubrules 的子命令（check sync、grade、fund fee……），输入的格式随之而定。", "the kind of decision, a subcommand of hubrules (check sync, grade, fund fee, …); the input's shape follows from it.")},
		{Name: "params", In: "case", Type: "params", Label: hubrules.T("参数叠加", "parameter overrides"),
			Meaning: hubrules.T("叠加在内置参数之上的参数文件片段（hubrules.ParamSet 的 YAML 格式，须属于该种类的规则包），用于假设分析；不写则只用内置参数。", "a parameter-file fragment (the YAML format of hubrules.ParamSet, for the kind's rule package) layered over the shipped parameters, for a what-if; the shipped parameters alone when left out.")},
		{Name: "params_file", In: "case", Type: "file", Label: hubrules.T("参数文件", "parameter file"),
			Meaning: hubrules.T("同 params，但写在场景文件旁的文件里（相对于场景文件的路径）；不能与 params 同用。", "as params, but in a file beside the scenario file (a path relative to it); not with params.")},
		{Name: "input", In: "case", Type: "input", Label: hubrules.T("输入", "input"),
			Meaning: hubrules.T("决定的输入：与命令行读取的 JSON 形状相同，可写成 YAML（hubrules schema KIND 给出其结构）。input 与 input_file 二者必有其一。", "the decision's input: the JSON shape the command line reads, written as YAML (hubrules schema KIND gives its schema). One of input and input_file is required.")},
		{Name: "input_file", In: "case", Type: "file", Label: hubrules.T("输入文件", "input file"),
			Meaning: hubrules.T("写在场景文件旁的 JSON 输入文件（相对于场景文件的路径）；不能与 input 同用。", "a JSON input file beside the scenario file (a path relative to it); not with input.")},
		{Name: "expect", In: "case", Type: "expect", Required: true, Label: hubrules.T("预期", "expectations"),
			Meaning: hubrules.T("决定应当如何：下列各键，写了的都须成立；{} 只要求决定不出错。", "what the decision must be: every key below that is written must hold; {} asks only that the decision is made without error.")},

		{Name: "compliant", In: "expect", Type: "bool", Label: hubrules.T("是否合规", "compliant"),
			Meaning: hubrules.T("true：没有违规也没有拒绝；false：至少有一项违规或被拒绝。只能写 true 或 false。", "true: no violation and no refusal; false: at least one violation or a refusal. Only true or false.")},
		{Name: "findings", In: "expect", Type: "rules", Label: hubrules.T("应有的违规", "findings wanted"),
			Meaning: hubrules.T("必须违反的规则编号（如 SYNC-1）；决定可以还有别的违规。", "the IDs of rules that must have failed (like SYNC-1); the decision may have other findings too.")},
		{Name: "no_findings", In: "expect", Type: "rules", Label: hubrules.T("不应有的违规", "findings not wanted"),
			Meaning: hubrules.T("不得违反的规则编号。", "the IDs of rules that must not have failed.")},
		{Name: "grade", In: "expect", Type: "grade", Label: hubrules.T("等级", "grade"),
			Meaning: hubrules.T("决定的等级：1A……5A，\"\" 为无等级（评估类种类）。", "the grade decided: 1A … 5A, \"\" for no grade (grading kinds).")},
		{Name: "amounts", In: "expect", Type: "amounts", Label: hubrules.T("金额", "amounts"),
			Meaning: hubrules.T("按名称的金额（元，如 fee: \"28600.00\"），按精确小数比较，\"1500\" 等于 \"1500.00\"（资金类种类）。", "named amounts in yuan (like fee: \"28600.00\"), compared as exact decimals: \"1500\" equals \"1500.00\" (funding kinds).")},
		{Name: "refused", In: "expect", Type: "rules", Label: hubrules.T("拒绝的依据", "refused by"),
			Meaning: hubrules.T("被拒绝的转换中必须未满足的标准的规则编号（孵化、台账）。", "the rule IDs that must be among a refused transition's unmet criteria (incubation, the ledger).")},
		{Name: "state", In: "expect", Type: "state", Label: hubrules.T("状态", "state"),
			Meaning: hubrules.T("孵化转换之后的阶段（如 incubating）。", "the stage after an incubation transition (like incubating).")},
		{Name: "values", In: "expect", Type: "values", Label: hubrules.T("结果中的值", "values of the result"),
			Meaning: hubrules.T("结果 JSON 中按点分路径的值，按文本比较（如 organizational.percent: \"43.8\"；数组用下标：organizations.0.meets）。", "values at dotted paths into the JSON result, compared as text (like organizational.percent: \"43.8\"; arrays by index: organizations.0.meets).")},
		{Name: "error", In: "expect", Type: "paths", Label: hubrules.T("输入错误", "input error"),
			Meaning: hubrules.T("输入必须被拒绝，且错误指出这些字段路径（如 organizations[0].formal_members）；写了 error 时其他预期不再检查。", "the input must be refused, the error naming these field paths (like organizations[0].formal_members); with error, no other expectation is checked.")},
	}
}

// keysIn returns the keys that go in where ("file", "case", "expect").
func keysIn(where string) []Key {
	var out []Key
	for _, k := range Keys() {
		if k.In == where {
			out = append(out, k)
		}
	}
	return out
}

// keyNames returns the names of keys.
func keyNames(keys []Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Name
	}
	return out
}

// keyLabel returns the Chinese and English label of the key name that
// goes in where, or the name itself.
func keyLabel(where, name string) hubrules.Text {
	for _, k := range keysIn(where) {
		if k.Name == name {
			return k.Label
		}
	}
	return hubrules.T(name, name)
}
