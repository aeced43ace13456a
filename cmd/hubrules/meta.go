package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/ruledoc"
)

// pkgInfo is one rule package as the catalogue commands see it.
type pkgInfo struct {
	name  string
	rules hubrules.Catalogue
	sets  func() []*hubrules.ParamSet
}

func allRules() hubrules.Catalogue {
	var cats []hubrules.Catalogue
	for _, p := range packages() {
		cats = append(cats, p.rules)
	}
	return hubrules.Join(cats...)
}

func packageOf(name string) (pkgInfo, bool) {
	for _, p := range packages() {
		if p.name == name {
			return p, true
		}
	}
	return pkgInfo{}, false
}

// simpleFlags parses the flags of a catalogue command (rules, explain,
// params, schema); params shows the parameters of a decision, so it needs
// --programme and --date as every decision does.
func simpleFlags(e *env, name string, args []string) ([]string, error) {
	e.decision = name == "params"
	e.helpHead = "hubrules " + name + " " + catalogueSynopsis[name] + "\n"
	fs, programme, date, lang := e.flags(name, "text")
	return e.parse(fs, programme, date, lang, args)
}

// catalogueSynopsis is the argument synopsis of each catalogue command.
var catalogueSynopsis = map[string]string{
	"rules":   "[--json]",
	"explain": "RULE-ID [--json]",
	"params":  "PACKAGE --programme P --date YYYY-MM-DD|today [--json]",
	"schema":  "[NAME]",
}

func cmdRules(e *env, args []string) (int, error) {
	rest, err := simpleFlags(e, "rules", args)
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, usage("rules 不接受参数", "rules takes no arguments")
	}
	cat := allRules()
	if e.format == "json" {
		return exitOK, writeJSON(e.stdout, cat)
	}
	for _, r := range cat {
		fmt.Fprintf(e.stdout, "%-16s %-10s %s\n", r.ID, r.Package, r.Title.In(e.lang))
	}
	return exitOK, nil
}

func cmdExplain(e *env, args []string) (int, error) {
	// The rule ID may come before or after the flags.
	var id string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	rest, err := simpleFlags(e, "explain", args)
	if err != nil {
		return 0, err
	}
	if id == "" && len(rest) == 1 {
		id = rest[0]
	} else if len(rest) > 0 || id == "" {
		return 0, usage("用法：hubrules explain RULE-ID", "usage: hubrules explain RULE-ID")
	}
	if entry, p, ok := kinds.Explain(id); ok {
		if e.format == "json" {
			return exitOK, writeJSON(e.stdout, entry)
		}
		// The same section as docs/rules.md, in Chinese and English.
		fmt.Fprint(e.stdout, ruledoc.Rule(p, entry.Rule))
		return exitOK, nil
	}
	return 0, hubrules.NewInputError(hubrules.FieldError{Path: "RULE-ID", Code: "unknown_rule", Value: id,
		Message: hubrules.T("未知的规则编号 "+id+"；运行 hubrules rules 查看全部", "unknown rule ID "+id+"; run hubrules rules for the list")})
}

func cmdParams(e *env, args []string) (int, error) {
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	rest, err := simpleFlags(e, "params", args)
	if err != nil {
		return 0, err
	}
	if name == "" && len(rest) == 1 {
		name = rest[0]
	} else if len(rest) > 0 || name == "" {
		return 0, usage("用法：hubrules params PACKAGE --programme P --date YYYY-MM-DD", "usage: hubrules params PACKAGE --programme P --date YYYY-MM-DD")
	}
	p, ok := packageOf(name)
	if !ok {
		var names []string
		for _, q := range packages() {
			names = append(names, q.name)
		}
		return 0, hubrules.NewInputError(hubrules.FieldError{Path: "PACKAGE", Code: "unknown_package", Value: name,
			Message: hubrules.T("未知的规则包 "+name+"，可用："+strings.Join(names, "、"), "unknown package "+name+"; known: "+strings.Join(names, ", "))})
	}
	out, warnings, err := kinds.ParamsInEffect(kinds.Package{Name: p.name, Rules: p.rules, Sets: p.sets}, e.programme, e.date, e.paramSet)
	if err != nil {
		return 0, err
	}
	if e.format == "json" {
		return exitOK, writeJSON(e.stdout, map[string]any{"package": name, "programme": e.programme, "date": e.date, "date_source": e.dateSource, "params": out, "warnings": warnings})
	}
	for _, w := range warnings {
		label := "警告"
		if e.lang == hubrules.EN {
			label = "warning"
		}
		fmt.Fprintf(e.stdout, "%s %s: %s\n", label, w.Path, w.Message.In(e.lang))
	}
	for _, it := range out {
		if it.Value == nil {
			fmt.Fprintf(e.stdout, "%-40s —  %s\n", it.Name, it.Error.Fields[0].Message.In(e.lang))
			continue
		}
		fmt.Fprintf(e.stdout, "%-40s %s %s  (%s, from %s, %s)\n", it.Name, it.Value.Value, it.Value.Unit, it.Value.Programme, it.Value.From, it.Value.Confidence)
	}
	return exitOK, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
