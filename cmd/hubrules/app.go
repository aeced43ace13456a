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
	"syscall"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/jsonl"
)

// Exit codes. A decision's exit code follows from its outcome alone
// (hubrules.DecisionOutcome.ExitCode; see exitTable).
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
	exitInternal = 3
	// exitPipe ends a run whose standard output was closed by its reader
	// (EPIPE, as in "hubrules … | head -c1"): 128+SIGPIPE, the status a
	// shell reports for a process the closed pipe stopped. It is not 0
	// because the output was cut, so the caller must not read the run as
	// "evaluated and compliant".
	exitPipe = 141
)

// env is what a command runs with: the streams and the common flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	programme  hubrules.Programme
	date       hubrules.Date
	dateSource hubrules.DateSource
	// decision says the command makes a decision (or shows the
	// parameters of one): --programme and --date are required.
	decision bool
	// progress is --progress: progress of JSON Lines on standard error.
	progress bool
	// terminal says standard error is a terminal (progress by default).
	terminal   bool
	format     string
	lang       hubrules.Lang
	in         string
	paramsFile string
	jsonl      bool
	compact    bool
	jsonOut    bool
	limits     hubrules.Limits
	limitFlags [4]*int
	maxLine    int
	overlay    *hubrules.ParamSet
	pkg        string
	// mask is "", "hash" or "remove" (--mask); maskKey the key of
	// --mask-key-file.
	mask, maskKeyFile string
	maskKey           []byte
	// helpHead is the synopsis of the command's --help.
	helpHead string
}

// maxMaskKey is the longest --mask-key-file accepted, in bytes.
const maxMaskKey = 4096

// outcome is what a command produced for one input: the envelope and its
// description for people.
type outcome struct {
	decision hubrules.Decision
	describe func(hubrules.Lang) string
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
	// ruleSet returns the rule set of the command's evaluations (the
	// header of a JSON Lines stream).
	ruleSet func(e *env) (hubrules.RuleSet, error)
	// lines says the command accepts JSON Lines with --jsonl.
	lines bool
}

// usageError is a mistake in the command line.
type usageError struct{ zh, en string }

func (u usageError) Error() string { return u.zh + " / " + u.en }

func usage(zh, en string) error { return usageError{zh, en} }

// helpRequested is -h or --help of a subcommand: its text goes to
// standard output and the run exits 0.
type helpRequested struct{ text string }

func (h helpRequested) Error() string { return "help requested" }

// outputError is a failed write to standard output other than a closed
// pipe (a full disk, an I/O error).
type outputError struct{ err error }

func (o outputError) Error() string { return "cannot write the output: " + o.err.Error() }

// outWriter is standard output remembering its first write error, so that a
// closed pipe or a full disk ends the run once, whichever code was writing.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// run is main without os.Exit, for tests. A closed standard output ends the
// run with exitPipe and nothing on standard error; any other failed write
// to it with exitInternal and one error line.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &outWriter{w: stdout}
	code, err := runTo(args, stdin, out, stderr)
	switch {
	case out.err != nil && errors.Is(out.err, syscall.EPIPE):
		return exitPipe
	case out.err != nil:
		err = outputError{out.err}
	case err == nil:
		return code
	}
	writeError(stderr, err)
	var ue usageError
	var ie *hubrules.InputError
	if errors.As(err, &ue) || errors.As(err, &ie) {
		return exitInput
	}
	return exitInternal
}

// runTo runs one command line, returning its exit code or the error that
// ended it.
func runTo(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int, err error) {
	defer func() {
		if r := recover(); r != nil {
			code, err = exitInternal, fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return exitInput, nil
		}
		return exitOK, nil
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, terminal: isTerminal(stderr)}
	var code2 int
	switch args[0] {
	case "rules":
		code2, err = cmdRules(e, args[1:])
	case "explain":
		code2, err = cmdExplain(e, args[1:])
	case "params":
		code2, err = cmdParams(e, args[1:])
	case "schema":
		code2, err = cmdSchema(e, args[1:])
	case "test":
		code2, err = cmdTest(e, args[1:])
	case "serve":
		code2, err = cmdServe(e, args[1:])
	case "report":
		code2, err = cmdReport(e, args[1:])
	default:
		cmd, rest, ok := findCommand(args)
		if !ok {
			err = usage("未知的子命令 "+strings.Join(args[:min(2, len(args))], " ")+"；运行 hubrules help 查看用法",
				"unknown subcommand "+strings.Join(args[:min(2, len(args))], " ")+"; run hubrules help for usage")
			break
		}
		code2, err = runCommand(e, cmd, rest)
	}
	var h helpRequested
	if errors.As(err, &h) {
		_, err = io.WriteString(stdout, h.text)
		return exitOK, err
	}
	return code2, err
}

// isTerminal reports whether w is a character device (a terminal), without
// a terminal library: os.File.Stat's ModeCharDevice.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
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
	programme := fs.String("programme", "", "项目（决定类子命令必填）/ programme (required by every decision): "+programmeCodes(", "))
	date := fs.String("date", "", "评估日期 YYYY-MM-DD，或 today 取系统时钟（决定类子命令必填）/ evaluation date YYYY-MM-DD, or today for the clock's date (required by every decision)")
	lang := fs.String("lang", "zh", "文本输出的语言 / language of text output: zh, en")
	fs.StringVar(&e.format, "format", defaultFormat, "输出格式 / output: json (for programs), text (for people)")
	fs.StringVar(&e.in, "in", "", "输入文件（缺省为标准输入）/ input file (default: standard input)")
	fs.StringVar(&e.paramsFile, "params", "", "叠加在规则包缺省参数之上的参数文件 / a parameter file layered over the package's defaults")
	fs.BoolVar(&e.jsonl, "jsonl", false, "JSON Lines：每行一个输入、一个结果，首行为头记录 / one input per line, one result per line, after a header record")
	fs.BoolVar(&e.compact, "compact", false, "紧凑输出：结果、未通过的规则与发现的代码和事实，不含重复文本（hubrules schema compact.output / compact.line）/ compact output: the outcome, failed rule IDs and the findings' codes and facts, no repeated texts")
	fs.BoolVar(&e.progress, "progress", false, "在标准错误输出 JSON Lines 的进度（标准错误为终端时自动开启）/ progress of JSON Lines on standard error (on by default when it is a terminal)")
	fs.BoolVar(&e.jsonOut, "json", false, "JSON 输出（同 --format json）/ JSON output (same as --format json)")
	fs.IntVar(&e.maxLine, "max-line", 1<<20, "JSON Lines 单行的最大字节数 / longest JSON Lines line accepted, in bytes")
	fs.StringVar(&e.mask, "mask", "", "屏蔽输出中的个人信息：hash（需 --mask-key-file）或 remove / mask the personal fields of the output: hash (needs --mask-key-file) or remove")
	fs.StringVar(&e.maskKeyFile, "mask-key-file", "", "--mask hash 的密钥文件（至多 4096 字节）/ the key of --mask hash (a file of at most 4096 bytes)")
	maxBytes := fs.Int("max-bytes", hubrules.DefaultLimits().MaxBytes, "输入文档的最大字节数 / largest input document accepted, in bytes")
	maxDepth := fs.Int("max-depth", hubrules.DefaultLimits().MaxDepth, "JSON 的最大嵌套深度 / deepest JSON nesting accepted")
	maxItems := fs.Int("max-items", hubrules.DefaultLimits().MaxItems, "JSON 数组的最大长度 / longest JSON array accepted")
	maxString := fs.Int("max-string", hubrules.DefaultLimits().MaxString, "JSON 字符串的最大字节数 / longest JSON string accepted, in bytes")
	e.limitFlags = [4]*int{maxBytes, maxDepth, maxItems, maxString}
	return fs, programme, date, lang
}

// limitFlagNames are the flags of env.limitFlags, in order.
var limitFlagNames = [4]string{"--max-bytes", "--max-depth", "--max-items", "--max-string"}

// programmeCodes returns the programme codes joined by sep.
func programmeCodes(sep string) string {
	var codes []string
	for _, p := range hubrules.Programmes() {
		codes = append(codes, string(p))
	}
	return strings.Join(codes, sep)
}

// clock is the clock of --date today (a variable for tests).
var clock = time.Now

// parse parses args with fs and applies the common flags to e. With
// e.decision, --programme and --date are required: nothing is read from
// the clock unless --date today asks for it.
func (e *env) parse(fs *flag.FlagSet, programme, date, lang *string, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, helpRequested{e.helpText(fs)}
		}
		return nil, usage("命令行参数错误："+flagErrorZH(err), "bad command-line arguments: "+err.Error())
	}
	if e.decision && *programme == "" {
		return nil, usage("缺少 --programme：决定须指明项目（"+programmeCodes("、")+"）",
			"--programme is missing: a decision needs its programme ("+programmeCodes(", ")+")")
	}
	if e.decision && *date == "" {
		return nil, usage("缺少 --date：决定须指明评估日期 YYYY-MM-DD（或写 today 取系统时钟）",
			"--date is missing: a decision needs its date YYYY-MM-DD (or today for the clock's date)")
	}
	if *programme != "" {
		p, err := hubrules.ParseProgramme("--programme", *programme)
		if err != nil {
			return nil, err
		}
		e.programme = p
	}
	switch *date {
	case "":
	case "today":
		e.date, e.dateSource = hubrules.DateOf(clock()), hubrules.DateFromClock
	default:
		d, err := hubrules.ParseDate(*date)
		if err != nil {
			return nil, hubrules.NewInputError(hubrules.FieldError{Path: "--date", Code: "date", Value: *date,
				Message: hubrules.T("日期应写作 YYYY-MM-DD（或 today）："+*date, "the date must be YYYY-MM-DD (or today): "+*date)})
		}
		e.date, e.dateSource = d, hubrules.DateFromCaller
	}
	e.lang = hubrules.ParseLang(*lang)
	if e.jsonOut {
		e.format = "json"
	}
	if e.format != "json" && e.format != "text" {
		return nil, usage("--format 应为 json 或 text", "--format must be json or text")
	}
	if e.jsonl && e.format == "text" {
		return nil, usage("--jsonl 只输出 JSON：不能与 --format text 同用", "--jsonl writes JSON only: it cannot go with --format text")
	}
	for i, name := range limitFlagNames {
		if *e.limitFlags[i] < 0 {
			return nil, usage(fmt.Sprintf("%s 不能为负数（0 表示不设上限）：%d", name, *e.limitFlags[i]),
				fmt.Sprintf("%s must not be negative (0 means no limit): %d", name, *e.limitFlags[i]))
		}
	}
	if e.maxLine < 1 {
		return nil, usage(fmt.Sprintf("--max-line 应至少为 1：%d", e.maxLine), fmt.Sprintf("--max-line must be at least 1: %d", e.maxLine))
	}
	e.limits = hubrules.Limits{MaxBytes: *e.limitFlags[0], MaxDepth: *e.limitFlags[1], MaxItems: *e.limitFlags[2], MaxString: *e.limitFlags[3]}
	if err := e.parseMask(); err != nil {
		return nil, err
	}
	if e.decision && e.dateSource == "" {
		e.dateSource = hubrules.DateFromCaller
	}
	return fs.Args(), nil
}

// parseMask checks --mask and reads the key of --mask-key-file, within
// maxMaskKey bytes (a trailing newline is not part of the key).
func (e *env) parseMask() error {
	switch {
	case e.mask != "" && e.mask != "hash" && e.mask != "remove":
		return usage("--mask 应为 hash 或 remove："+e.mask, "--mask must be hash or remove: "+e.mask)
	case e.mask == "hash" && e.maskKeyFile == "":
		return usage("--mask hash 需要 --mask-key-file 给出密钥", "--mask hash needs its key from --mask-key-file")
	case e.mask != "hash" && e.maskKeyFile != "":
		return usage("--mask-key-file 只用于 --mask hash", "--mask-key-file is only for --mask hash")
	case e.mask != "hash":
		return nil
	}
	f, err := os.Open(e.maskKeyFile)
	if err != nil {
		return usage("无法打开 --mask-key-file："+err.Error(), "cannot open --mask-key-file: "+err.Error())
	}
	defer f.Close()
	key, err := io.ReadAll(io.LimitReader(f, maxMaskKey+1))
	if err != nil {
		return usage("无法读取 --mask-key-file："+err.Error(), "cannot read --mask-key-file: "+err.Error())
	}
	if len(key) > maxMaskKey {
		return usage(fmt.Sprintf("--mask-key-file 超过 %d 字节", maxMaskKey), fmt.Sprintf("--mask-key-file is longer than %d bytes", maxMaskKey))
	}
	key = bytes.TrimRight(key, "\r\n")
	if len(key) == 0 {
		return usage("--mask-key-file 为空", "--mask-key-file is empty")
	}
	e.maskKey = key
	return nil
}

// masked returns v with its personal fields masked as --mask asks.
func (e *env) masked(v any) any {
	switch e.mask {
	case "hash":
		return hubrules.Mask(v, hubrules.MaskHash, e.maskKey)
	case "remove":
		return hubrules.Mask(v, hubrules.MaskRemove, nil)
	}
	return v
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
	e.decision = true
	fs, programme, date, lang := e.flags(c.path, "json")
	fs.Usage = nil
	e.helpHead = "hubrules " + c.path + " [flags]\n  " + c.summary.ZH + " / " + c.summary.EN + "\n"
	rest, err := e.parse(fs, programme, date, lang, args)
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, usage("多余的参数："+strings.Join(rest, " "), "unexpected arguments: "+strings.Join(rest, " "))
	}
	if e.compact && e.format == "text" {
		return 0, usage("--compact 只输出 JSON：不能与 --format text 同用", "--compact writes JSON only: it cannot go with --format text")
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
	return out.decision.Outcome.ExitCode(), nil
}

// runLines evaluates one input per line and writes a header record, then
// one record per line. A bad line, or one longer than --max-line,
// gives an error record ({"line": n, "error": …}) and the run goes on with
// the next line; the exit code is the worst of all lines. An input with no
// line but blank ones is bad input, as an empty document is without
// --jsonl.
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
	rs, err := c.ruleSet(e)
	if err != nil {
		return 0, err
	}
	lr := jsonl.NewReader(bufio.NewReader(r), e.maxLine)
	w := bufio.NewWriter(e.stdout)
	lw := jsonl.NewWriter(w)
	if e.compact {
		lw = jsonl.NewCompactWriter(w)
	}
	prog := newProgress(e)
	worst, inputs := exitOK, 0
	for {
		n, line, lineErr, err := lr.Input()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, usage("无法读取输入："+err.Error(), "cannot read the input: "+err.Error())
		}
		inputs++
		if inputs == 1 {
			// The header goes before the first record, so that an empty
			// input has no output, as without --jsonl.
			if err := lw.Header(jsonl.Header{Kind: c.path, Programme: e.programme, AsOf: e.date, RuleSet: rs}); err != nil {
				return 0, err
			}
		}
		var out outcome
		err = lineErr
		if err == nil {
			in := c.input()
			err = hubrules.DecodeJSONLimited(line, in, e.limits)
			if err == nil {
				out, err = c.eval(e, in)
			}
		}
		prog.add(err != nil)
		if err != nil {
			if err := lw.Error(n, errorBody(err)); err != nil {
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
		d := e.masked(out.decision).(hubrules.Decision)
		if err := lw.Decision(n, d); err != nil {
			return 0, err
		}
		worst = max(worst, d.Outcome.ExitCode())
	}
	prog.done()
	if err := w.Flush(); err != nil {
		return 0, err
	}
	if inputs == 0 {
		return 0, jsonl.ErrEmpty()
	}
	return worst, nil
}

// progress reports the progress of a JSON Lines run on standard error, at
// most once a second and once at the end, as JSON lines
// {"progress":{"records":n,"errors":e,"per_second":r,"done":bool}}: with
// --progress, or by default when standard error is a terminal.
type progress struct {
	w               io.Writer
	start, last     time.Time
	records, errors int
}

func newProgress(e *env) *progress {
	if !e.progress && !e.terminal {
		return nil
	}
	now := time.Now()
	return &progress{w: e.stderr, start: now, last: now}
}

func (p *progress) add(failed bool) {
	if p == nil {
		return
	}
	p.records++
	if failed {
		p.errors++
	}
	if now := time.Now(); now.Sub(p.last) >= time.Second {
		p.last = now
		p.write(false)
	}
}

func (p *progress) done() {
	if p != nil {
		p.write(true)
	}
}

func (p *progress) write(done bool) {
	rate := 0.0
	if s := time.Since(p.start).Seconds(); s > 0 {
		rate = float64(p.records) / s
	}
	_ = jsonl.WriteLine(p.w, map[string]any{"progress": map[string]any{
		"records": p.records, "errors": p.errors, "per_second": int64(rate), "done": done}})
}

// write writes one outcome in the chosen format: the envelope as JSON, or
// for people its outcome and then the kind's description.
func (e *env) write(out outcome) error {
	if e.format == "text" && out.describe != nil {
		o := out.decision.Outcome
		label := "结果：" + o.Name().ZH + "（" + string(o) + "）\n"
		if e.lang == hubrules.EN {
			label = "outcome: " + string(o) + "\n"
		}
		text := label + out.describe(e.lang)
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		_, err := io.WriteString(e.stdout, text)
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if e.compact {
		return enc.Encode(e.masked(out.decision).(hubrules.Decision).Compact())
	}
	return enc.Encode(e.masked(out.decision))
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
	var oe outputError
	if errors.As(err, &oe) {
		return map[string]any{"code": "output", "message": hubrules.T("无法写出结果："+oe.err.Error(), oe.Error())}
	}
	return map[string]any{"code": "internal", "message": hubrules.T("内部错误："+err.Error(), "internal error: "+err.Error())}
}

func writeError(w io.Writer, err error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{"error": errorBody(err)})
}

// exitRow is one row of the exit-code table.
type exitRow struct {
	code   int
	zh, en string
}

// exitTable is the one table of exit codes, for every kind: the decision
// outcomes (hubrules.DecisionOutcome.ExitCode), then the codes of runs that
// made no decision. "hubrules help" prints it.
func exitTable() []exitRow {
	var rows []exitRow
	for _, o := range hubrules.DecisionOutcomes() {
		m := o.Meaning()
		rows = append(rows, exitRow{o.ExitCode(), "结果为" + o.Name().ZH + "（" + string(o) + "）：" + m.ZH, "outcome " + string(o) + ": " + m.EN})
	}
	return append(rows,
		exitRow{exitInput, "输入有误或用法错误（错误以一行 JSON 写到标准错误）", "bad input or usage (the error as one JSON line on standard error)"},
		exitRow{exitInternal, "内部错误，或结果无法写出（如磁盘已满；一行 JSON 错误写到标准错误）", "internal error, or the output could not be written (a full disk: one JSON error line on standard error)"},
		exitRow{exitPipe, "标准输出被读取方关闭（… | head）：输出不完整，标准错误无内容", "standard output was closed by its reader (… | head): the output is cut, nothing on standard error"},
	)
}

// printExitTable writes the exit-code table.
func printExitTable(w io.Writer) {
	fmt.Fprintln(w, "exit codes / 退出码 (with --jsonl, the worst line decides / 按最差的一行):")
	for _, r := range exitTable() {
		fmt.Fprintf(w, "  %-4d %s\n       %s\n", r.code, r.en, r.zh)
	}
}

// usageNotes ends the help: the envelope, personal data, limits and JSON
// Lines.
const usageNotes = `every decision is one JSON envelope: kind, programme, as_of, rule_set, outcome, checks, findings, basis, result
(findings always an array; basis.date_source "caller", or "clock" with --date today)

--programme and --date are required by every decision and by params: nothing is defaulted
personal data: --mask remove|hash (hash needs --mask-key-file FILE, at most 4096 bytes) masks the personal fields of JSON output
limits: --max-bytes N  --max-depth N  --max-items N  --max-string N (0: no limit; negative: usage error)  --max-line N (at least 1)

JSON Lines (--jsonl; the kinds marked *): the first record is a header
{"kind","programme","as_of","rule_set"}; then one record a line {"line","outcome","checks","findings","basis","sources","citations","result"},
what repeats from record to record written once per stream: "basis" only when it differs from the last one written
(so the first record has it); "sources" {RULE: source} and "citations" {RULE: {zh,en}} only in the first record
that needs a rule's: the records' result.links[i].source (check sync) and findings[i].citation are left out,
they are sources[rule] and citations[rule] (schemas jsonl.header, jsonl.line);
a bad or over-long line gives {"line": n, "error": …} and the run goes on;
an input with no line but blank ones is bad input (exit 2); --format text with --jsonl is a usage error;
--compact: the outcome, failed rule IDs and the findings' rules, severities, subjects and facts, no texts
({"line","outcome","failed","findings"} a line; one {"kind","programme","as_of","rule_set","outcome","failed","findings"} without --jsonl);
--progress (on by default when standard error is a terminal) writes
{"progress":{"records","errors","per_second","done"}} lines to standard error

`

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "hubrules — rules of hub-type party building and social-organization incubation")
	fmt.Fprintln(w, "\nusage:")
	fmt.Fprintln(w, "  hubrules rules [--json]")
	fmt.Fprintln(w, "  hubrules explain RULE-ID [--json]")
	fmt.Fprintln(w, "  hubrules params PACKAGE --programme P --date YYYY-MM-DD [--json]")
	fmt.Fprintln(w, "  hubrules schema [NAME [--output] | NAME.output]")
	fmt.Fprintln(w, "  hubrules test PATH… [--run REGEX] [--format text|json]  运行场景文件 / run scenario files (docs/scenarios.md)")
	fmt.Fprintln(w, "  hubrules serve [--addr 127.0.0.1:8080] [--decision-log FILE]   the HTTP decision service / HTTP 判定服务")
	fmt.Fprintln(w, "  hubrules report --html --programme P --date D --in hub.json > report.html   the printable hub report / 可打印的枢纽报告")
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].path < cmds[j].path })
	for _, c := range cmds {
		mark := " "
		if c.lines {
			mark = "*"
		}
		fmt.Fprintf(w, "  hubrules %-16s%s %s / %s\n", c.path, mark, c.summary.ZH, c.summary.EN)
	}
	fmt.Fprintln(w, "\ncommon flags: --programme P --date YYYY-MM-DD|today (both required)  --in FILE  --format json|text  --lang zh|en  --params FILE  --jsonl  --compact  --progress")
	fmt.Fprintln(w, "hubrules SUBCOMMAND --help: the subcommand's flags")
	fmt.Fprint(w, usageNotes)
	printExitTable(w)
}

// helpText is the usage of one subcommand: its synopsis and every flag
// with its meaning.
func (e *env) helpText(fs *flag.FlagSet) string {
	var b strings.Builder
	b.WriteString("usage / 用法: " + e.helpHead + "\nflags / 参数:\n")
	fs.VisitAll(func(f *flag.Flag) {
		if !e.helpFlag(fs.Name(), f.Name) {
			return
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" {
			def = " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(&b, "  --%-14s %s%s\n", f.Name, f.Usage, def)
	})
	return b.String()
}

// helpFlag says whether the help of command cmd lists flag name: every
// flag for an evaluation, the output flags for a catalogue command, and
// --programme, --date and --params too for params.
func (e *env) helpFlag(cmd, name string) bool {
	if _, catalogue := catalogueSynopsis[cmd]; !catalogue {
		return true
	}
	switch name {
	case "format", "json", "lang":
		return true
	case "programme", "date", "params":
		return cmd == "params"
	}
	return false
}

// flagErrorZH is the Chinese of an error of package flag.
func flagErrorZH(err error) string {
	msg := err.Error()
	for _, t := range []struct{ prefix, zh string }{
		{"flag provided but not defined: ", "未定义的参数 "},
		{"flag needs an argument: ", "参数缺少取值："},
		{"invalid value ", "参数取值无效："},
		{"invalid boolean value ", "布尔参数取值无效："},
	} {
		if strings.HasPrefix(msg, t.prefix) {
			return t.zh + strings.TrimPrefix(msg, t.prefix)
		}
	}
	return "无法解析命令行"
}
