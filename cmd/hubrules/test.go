package main

import (
	"encoding/json"
	"errors"
	"flag"
	"io"
	"regexp"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/policytest"
)

// testSynopsis is the synopsis of hubrules test.
const testSynopsis = "hubrules test PATH… [--run REGEX] [--format text|json] [--lang zh|en]\n" +
	"  运行场景文件（文件、文件夹或通配模式），每个场景一行，最后汇总 / run scenario files (files, folders or glob patterns), a line per scenario and a summary\n" +
	"  退出码 / exit: 0 全部通过 all passed; 1 有场景未通过 a scenario failed; 2 有场景出错或用法错误 a scenario could not run, or usage\n" +
	"  场景文件的格式见 docs/scenarios.md，结构见 hubrules schema scenarios / the format: docs/scenarios.md; its schema: hubrules schema scenarios\n"

// cmdTest runs scenario files with policytest.Stream — the runner of
// policytest.Run and RunFiles, so that the command and the Go tests cannot
// disagree — and writes a line per scenario as it runs and the summary
// (text), or policytest.Results (--format json). Flags may come before,
// between or after the paths.
func cmdTest(e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runFlag := fs.String("run", "", "只运行名称与此正则表达式相符的场景（其余计为跳过）/ run only the scenarios whose name matches this regular expression (the others count as skipped)")
	format := fs.String("format", "text", "输出格式 / output: text (for people), json (for programs; its schema: hubrules schema test.output)")
	jsonOut := fs.Bool("json", false, "JSON 输出（同 --format json）/ JSON output (same as --format json)")
	langFlag := fs.String("lang", "zh", "文本输出的语言 / language of text output: zh, en")
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				e.helpHead = testSynopsis
				return 0, helpRequested{e.helpText(fs)}
			}
			return 0, usage("命令行参数错误："+flagErrorZH(err), "bad command-line arguments: "+err.Error())
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *jsonOut {
		*format = "json"
	}
	if *format != "json" && *format != "text" {
		return 0, usage("--format 应为 json 或 text", "--format must be json or text")
	}
	if len(paths) == 0 {
		return 0, usage("缺少场景文件：用法 hubrules test PATH…（文件、文件夹或通配模式）", "no scenario file given: usage hubrules test PATH… (files, folders or glob patterns)")
	}
	opt := policytest.Options{Command: "hubrules"}
	if *runFlag != "" {
		re, err := regexp.Compile(*runFlag)
		if err != nil {
			return 0, usage("--run 不是有效的正则表达式："+*runFlag, "--run is not a valid regular expression: "+*runFlag)
		}
		opt.Run = re
	}
	lang := hubrules.ParseLang(*langFlag)
	var s policytest.Summary
	var err error
	if *format == "json" {
		s, err = streamJSON(e.stdout, paths, opt)
	} else {
		s, err = policytest.Stream(paths, opt, func(r policytest.Result) error {
			if r.Status == policytest.Skipped {
				return nil
			}
			_, err := io.WriteString(e.stdout, r.Text(lang))
			return err
		})
		if err == nil {
			_, err = io.WriteString(e.stdout, s.Text(lang))
		}
	}
	if err != nil {
		return 0, err
	}
	switch {
	case s.Errors > 0:
		return exitInput, nil
	case s.Failed > 0:
		return exitFindings, nil
	case s.Passed == 0 && *runFlag != "":
		return 0, usage("没有运行任何场景：--run "+*runFlag+" 未选中任何场景", "no scenario ran: --run "+*runFlag+" selects none")
	case s.Passed == 0:
		return 0, usage("没有运行任何场景：所给的路径中没有场景", "no scenario ran: the paths given hold no scenario")
	}
	return exitOK, nil
}

// streamJSON writes policytest.Results as writeJSON would, one result at
// a time as the scenarios run, so that no run holds every result.
func streamJSON(w io.Writer, paths []string, opt policytest.Options) (policytest.Summary, error) {
	if _, err := io.WriteString(w, "{\n  \"results\": ["); err != nil {
		return policytest.Summary{}, err
	}
	n := 0
	s, err := policytest.Stream(paths, opt, func(r policytest.Result) error {
		sep := "\n    "
		if n > 0 {
			sep = ",\n    "
		}
		n++
		b, err := indentedJSON(r, "    ")
		if err == nil {
			_, err = io.WriteString(w, sep+b)
		}
		return err
	})
	if err != nil {
		return s, err
	}
	end := "],\n"
	if n > 0 {
		end = "\n  ],\n"
	}
	b, err := indentedJSON(s, "  ")
	if err == nil {
		_, err = io.WriteString(w, end+"  \"summary\": "+b+"\n}\n")
	}
	return s, err
}

// indentedJSON is v as writeJSON writes it, each line after the first
// prefixed, without the final newline.
func indentedJSON(v any, prefix string) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}
