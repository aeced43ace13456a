package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/hubrules/hubrules"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
	exitInternal = 3
)

// env is what a command runs with: the streams and the common flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	programme  hubrules.Programme
	date       hubrules.Date
	format     string
	lang       hubrules.Lang
	in         string
	paramsFile string
	jsonl      bool
	jsonOut    bool
	limits     hubrules.Limits
	limitFlags [4]*int
	maxLine    int
	overlay    *hubrules.ParamSet
	pkg        string
}

// outcome is what a command produced for one input.
type outcome struct {
	value     any
	compliant bool
	describe  func(hubrules.Lang) string
}

// command is one subcommand that reads an input of one shape.
type command struct {
	path    string // "check sync"
	pkg     string // the rule package it evaluates
	summary hubrules.Text
	// input returns a pointer to a new, empty input value.
	input func() any
	// eval evaluates one decoded and validated input.
	eval func(e *env, in any) (outcome, error)
	// lines says the command accepts JSON Lines with --jsonl.
	lines bool
}

// usageError is a mistake in the command line.
type usageError struct{ zh, en string }

func (u usageError) Error() string { return u.zh + " / " + u.en }

func usage(zh, en string) error { return usageError{zh, en} }

// run is main without os.Exit, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			writeError(stderr, fmt.Errorf("internal error: %v\n%s", r, debug.Stack()))
			code = exitInternal
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return exitInput
		}
		return exitOK
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	var code2 int
	var err error
	switch args[0] {
	case "rules":
		code2, err = cmdRules(e, args[1:])
	case "explain":
		code2, err = cmdExplain(e, args[1:])
	case "params":
		code2, err = cmdParams(e, args[1:])
	case "schema":
		code2, err = cmdSchema(e, args[1:])
	default:
		cmd, rest, ok := findCommand(args)
		if !ok {
			err = usage("未知的子命令 "+strings.Join(args[:min(2, len(args))], " ")+"；运行 hubrules help 查看用法",
				"unknown subcommand "+strings.Join(args[:min(2, len(args))], " ")+"; run hubrules help for usage")
			break
		}
		code2, err = runCommand(e, cmd, rest)
	}
	if err != nil {
		writeError(stderr, err)
		var ue usageError
		var ie *hubrules.InputError
		switch {
		case errors.As(err, &ue), errors.As(err, &ie):
			return exitInput
		}
		return exitInternal
	}
	return code2
}

// findCommand returns the command whose path is the longest prefix of args
// ("grade standing" before "grade").
func findCommand(args []string) (command, []string, bool) {
	var best command
	n := 0
	for _, c := range commands() {
		words := strings.Fields(c.path)
		if len(words) > n && len(args) >= len(words) && strings.Join(args[:len(words)], " ") == c.path {
			best, n = c, len(words)
		}
	}
	return best, args[n:], n > 0
}

// flags returns the flag set with the common flags bound to e.
func (e *env) flags(name, defaultFormat string) (*flag.FlagSet, *string, *string, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	programme := fs.String("programme", string(hubrules.National), "programme: national, lujiazui, jingan, wuliqiao, kaixuan, xiyuan")
	date := fs.String("date", "", "evaluation date YYYY-MM-DD (default: today)")
	lang := fs.String("lang", "zh", "language of text output: zh or en")
	fs.StringVar(&e.format, "format", defaultFormat, "output: json (for programs) or text (for people)")
	fs.StringVar(&e.in, "in", "", "input file (default: standard input)")
	fs.StringVar(&e.paramsFile, "params", "", "a parameter file layered over the package's defaults")
	fs.BoolVar(&e.jsonl, "jsonl", false, "JSON Lines: one input per line, one result per line")
	fs.BoolVar(&e.jsonOut, "json", false, "JSON output (same as --format json)")
	fs.IntVar(&e.maxLine, "max-line", 1<<20, "longest JSON Lines line accepted, in bytes")
	maxBytes := fs.Int("max-bytes", hubrules.DefaultLimits().MaxBytes, "largest input document accepted, in bytes")
	maxDepth := fs.Int("max-depth", hubrules.DefaultLimits().MaxDepth, "deepest JSON nesting accepted")
	maxItems := fs.Int("max-items", hubrules.DefaultLimits().MaxItems, "longest JSON array accepted")
	maxString := fs.Int("max-string", hubrules.DefaultLimits().MaxString, "longest JSON string accepted, in bytes")
	e.limitFlags = [4]*int{maxBytes, maxDepth, maxItems, maxString}
	return fs, programme, date, lang
}

// parse parses args with fs and applies the common flags to e.
func (e *env) parse(fs *flag.FlagSet, programme, date, lang *string, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, usage("命令行参数错误："+err.Error(), "bad command-line arguments: "+err.Error())
	}
	p, err := hubrules.ParseProgramme("--programme", *programme)
	if err != nil {
		return nil, err
	}
	e.programme = p
	if *date == "" {
		e.date = hubrules.DateOf(time.Now())
	} else {
		d, err := hubrules.ParseDate(*date)
		if err != nil {
			return nil, hubrules.NewInputError(hubrules.FieldError{Path: "--date", Code: "date", Value: *date,
				Message: hubrules.T("日期应写作 YYYY-MM-DD："+*date, "the date must be YYYY-MM-DD: "+*date)})
		}
		e.date = d
	}
	e.lang = hubrules.ParseLang(*lang)
	if e.jsonOut {
		e.format = "json"
	}
	if e.format != "json" && e.format != "text" {
		return nil, usage("--format 应为 json 或 text", "--format must be json or text")
	}
	e.limits = hubrules.Limits{MaxBytes: *e.limitFlags[0], MaxDepth: *e.limitFlags[1], MaxItems: *e.limitFlags[2], MaxString: *e.limitFlags[3]}
	return fs.Args(), nil
}

// paramSet returns def with the --params file layered over it.
func (e *env) paramSet(def *hubrules.ParamSet) (*hubrules.ParamSet, error) {
	if e.paramsFile == "" {
		return def, nil
	}
	over, err := readParamsFile(e.paramsFile)
	if err != nil {
		return nil, err
	}
	if over.Package() != def.Package() {
		return def, nil
	}
	return def.Overlay(over), nil
}

// readParamsFile reads and parses the parameter file at path. It is read
// through hubrules.ReadParams, which stops past hubrules.MaxParamBytes: an
// endless file (/dev/zero) is refused at the limit, never held whole.
func readParamsFile(path string) (*hubrules.ParamSet, error) {
	var set *hubrules.ParamSet
	f, err := os.Open(path)
	if err == nil {
		set, err = hubrules.ReadParams(f)
		f.Close()
	}
	var ie *hubrules.InputError
	if err != nil && !errors.As(err, &ie) {
		return nil, usage("无法读取参数文件："+err.Error(), "cannot read the parameter file: "+err.Error())
	}
	return set, err
}

// readInput reads the whole input (the --in file or standard input) within
// the size limit.
func (e *env) readInput() ([]byte, error) {
	var r io.Reader = e.stdin
	if e.in != "" && e.in != "-" {
		f, err := os.Open(e.in)
		if err != nil {
			return nil, usage("无法打开输入文件："+err.Error(), "cannot open the input file: "+err.Error())
		}
		defer f.Close()
		r = f
	}
	limit := e.limits.MaxBytes
	if limit <= 0 {
		limit = hubrules.DefaultLimits().MaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, usage("无法读取输入："+err.Error(), "cannot read the input: "+err.Error())
	}
	if len(data) > limit {
		return nil, hubrules.NewInputError(hubrules.FieldError{Code: "max_bytes", Param: fmt.Sprint(limit),
			Message: hubrules.T(fmt.Sprintf("输入超过大小上限 %d 字节", limit), fmt.Sprintf("input exceeds the size limit of %d bytes", limit))})
	}
	return data, nil
}

func runCommand(e *env, c command, args []string) (int, error) {
	fs, programme, date, lang := e.flags(c.path, "json")
	rest, err := e.parse(fs, programme, date, lang, args)
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, usage("多余的参数："+strings.Join(rest, " "), "unexpected arguments: "+strings.Join(rest, " "))
	}
	// Load and check the parameter file once, before any input is read.
	e.pkg = c.pkg
	if _, err := e.kindEnv(); err != nil {
		return 0, err
	}
	if e.jsonl {
		if !c.lines {
			return 0, usage(c.path+" 不支持 --jsonl", c.path+" does not take --jsonl")
		}
		return runLines(e, c)
	}
	data, err := e.readInput()
	if err != nil {
		return 0, err
	}
	in := c.input()
	if err := hubrules.DecodeJSONLimited(data, in, e.limits); err != nil {
		return 0, err
	}
	out, err := c.eval(e, in)
	if err != nil {
		return 0, err
	}
	if err := e.write(out); err != nil {
		return 0, err
	}
	if out.compliant {
		return exitOK, nil
	}
	return exitFindings, nil
}

// runLines evaluates one input per line and writes one result per line. A
// bad line gives an error line ({"line": n, "error": …}) and the run goes
// on; the exit code is the worst of all lines.
func runLines(e *env, c command) (int, error) {
	var r io.Reader = e.stdin
	if e.in != "" && e.in != "-" {
		f, err := os.Open(e.in)
		if err != nil {
			return 0, usage("无法打开输入文件："+err.Error(), "cannot open the input file: "+err.Error())
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(64<<10, max(e.maxLine, 1))), max(e.maxLine, 1))
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	worst, n := exitOK, 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		in := c.input()
		var out outcome
		err := hubrules.DecodeJSONLimited(line, in, e.limits)
		if err == nil {
			out, err = c.eval(e, in)
		}
		if err != nil {
			if err := writeJSONLine(w, map[string]any{"line": n, "error": errorBody(err)}); err != nil {
				return 0, err
			}
			var ie *hubrules.InputError
			if errors.As(err, &ie) {
				worst = max(worst, exitInput)
			} else {
				worst = exitInternal
			}
			continue
		}
		if err := writeJSONLine(w, out.value); err != nil {
			return 0, err
		}
		if !out.compliant {
			worst = max(worst, exitFindings)
		}
	}
	if err := sc.Err(); err != nil {
		if !errors.Is(err, bufio.ErrTooLong) {
			return 0, usage("无法读取输入："+err.Error(), "cannot read the input: "+err.Error())
		}
		if errors.Is(err, bufio.ErrTooLong) {
			w.Flush()
			return 0, hubrules.NewInputError(hubrules.FieldError{Path: fmt.Sprintf("line %d", n+1), Code: "max_line", Param: fmt.Sprint(e.maxLine),
				Message: hubrules.T(fmt.Sprintf("第 %d 行超过长度上限 %d 字节", n+1, e.maxLine), fmt.Sprintf("line %d exceeds the length limit of %d bytes", n+1, e.maxLine))})
		}
		return 0, err
	}
	return worst, nil
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// write writes one outcome in the chosen format.
func (e *env) write(out outcome) error {
	if e.format == "text" && out.describe != nil {
		text := out.describe(e.lang)
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		_, err := io.WriteString(e.stdout, text)
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out.value)
}

// errorBody is the JSON form of an error.
func errorBody(err error) map[string]any {
	var ie *hubrules.InputError
	var ue usageError
	switch {
	case errors.As(err, &ie):
		return map[string]any{"code": "invalid_input", "fields": ie.Fields}
	case errors.As(err, &ue):
		return map[string]any{"code": "usage", "message": hubrules.T(ue.zh, ue.en)}
	}
	return map[string]any{"code": "internal", "message": hubrules.T("内部错误："+err.Error(), "internal error: "+err.Error())}
}

func writeError(w io.Writer, err error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{"error": errorBody(err)})
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "hubrules — rules of hub-type party building and social-organization incubation")
	fmt.Fprintln(w, "\nusage:")
	fmt.Fprintln(w, "  hubrules rules [--json]")
	fmt.Fprintln(w, "  hubrules explain RULE-ID [--json]")
	fmt.Fprintln(w, "  hubrules params PACKAGE --programme P --date YYYY-MM-DD [--json]")
	fmt.Fprintln(w, "  hubrules schema [NAME]")
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].path < cmds[j].path })
	for _, c := range cmds {
		fmt.Fprintf(w, "  hubrules %-16s %s / %s\n", c.path, c.summary.ZH, c.summary.EN)
	}
	fmt.Fprintln(w, "\ncommon flags: --in FILE  --programme P  --date YYYY-MM-DD  --format json|text  --lang zh|en  --params FILE  --jsonl")
	fmt.Fprintln(w, "exit codes: 0 compliant, 1 findings or refusal, 2 bad input or usage, 3 internal error")
}
