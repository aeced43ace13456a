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
)

// Exit codes.
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
	// mask is "", "hash" or "remove" (--mask); maskKey the key of
	// --mask-key-file.
	mask, maskKeyFile string
	maskKey           []byte
}

// maxMaskKey is the longest --mask-key-file accepted, in bytes.
const maxMaskKey = 4096

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
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
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
	default:
		cmd, rest, ok := findCommand(args)
		if !ok {
			err = usage("未知的子命令 "+strings.Join(args[:min(2, len(args))], " ")+"；运行 hubrules help 查看用法",
				"unknown subcommand "+strings.Join(args[:min(2, len(args))], " ")+"; run hubrules help for usage")
			break
		}
		code2, err = runCommand(e, cmd, rest)
	}
	return code2, err
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
	fs.StringVar(&e.mask, "mask", "", "mask the personal fields of the output: hash (needs --mask-key-file) or remove")
	fs.StringVar(&e.maskKeyFile, "mask-key-file", "", "the key of --mask hash (a file of at most 4096 bytes)")
	maxBytes := fs.Int("max-bytes", hubrules.DefaultLimits().MaxBytes, "largest input document accepted, in bytes")
	maxDepth := fs.Int("max-depth", hubrules.DefaultLimits().MaxDepth, "deepest JSON nesting accepted")
	maxItems := fs.Int("max-items", hubrules.DefaultLimits().MaxItems, "longest JSON array accepted")
	maxString := fs.Int("max-string", hubrules.DefaultLimits().MaxString, "longest JSON string accepted, in bytes")
	e.limitFlags = [4]*int{maxBytes, maxDepth, maxItems, maxString}
	return fs, programme, date, lang
}

// limitFlagNames are the flags of env.limitFlags, in order.
var limitFlagNames = [4]string{"--max-bytes", "--max-depth", "--max-items", "--max-string"}

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
// bad line, or one longer than --max-line, gives an error line ({"line": n,
// "error": …}) and the run goes on with the next line; the exit code is the
// worst of all lines. An input with no line but blank ones is bad input, as
// an empty document is without --jsonl.
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
	lr := lineReader{r: bufio.NewReader(r), max: e.maxLine}
	w := bufio.NewWriter(e.stdout)
	worst, n, inputs := exitOK, 0, 0
	for {
		raw, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, usage("无法读取输入："+err.Error(), "cannot read the input: "+err.Error())
		}
		n++
		line := bytes.TrimSpace(raw)
		if len(line) == 0 && !tooLong {
			continue
		}
		inputs++
		var out outcome
		if tooLong {
			err = hubrules.NewInputError(hubrules.FieldError{Code: "max_line", Param: fmt.Sprint(e.maxLine),
				Message: hubrules.T(fmt.Sprintf("第 %d 行超过长度上限 %d 字节", n, e.maxLine), fmt.Sprintf("line %d exceeds the length limit of %d bytes", n, e.maxLine))})
		} else {
			in := c.input()
			err = hubrules.DecodeJSONLimited(line, in, e.limits)
			if err == nil {
				out, err = c.eval(e, in)
			}
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
		if err := writeJSONLine(w, e.masked(out.value)); err != nil {
			return 0, err
		}
		if !out.compliant {
			worst = max(worst, exitFindings)
		}
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	if inputs == 0 {
		return 0, hubrules.NewInputError(hubrules.FieldError{Code: "empty",
			Message: hubrules.T("输入为空：JSON Lines 中没有任何输入行", "the input is empty: the JSON Lines hold no input line")})
	}
	return worst, nil
}

// lineReader reads lines of at most max bytes (without the newline) while
// holding no more than max bytes: the rest of a longer line is read and
// dropped.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

// next returns the next line without its newline, or tooLong for a line
// over the limit. It returns io.EOF after the last line; a last line
// without a newline is a line.
func (l *lineReader) next() (line []byte, tooLong bool, err error) {
	l.buf = l.buf[:0]
	read := 0
	for {
		chunk, err := l.r.ReadSlice('\n')
		read += len(chunk)
		content := bytes.TrimSuffix(chunk, []byte{'\n'})
		if !tooLong && len(l.buf)+len(content) > l.max {
			tooLong, l.buf = true, l.buf[:0]
		}
		if !tooLong {
			l.buf = append(l.buf, content...)
		}
		switch {
		case err == nil:
			return l.buf, tooLong, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && read > 0:
			return l.buf, tooLong, nil
		}
		return nil, false, err
	}
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
	return enc.Encode(e.masked(out.value))
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

// usageNotes ends the help: personal data, limits, JSON Lines and every
// exit code.
const usageNotes = `personal data: --mask remove|hash (hash needs --mask-key-file FILE, at most 4096 bytes) masks the personal fields of JSON output
limits: --max-bytes N  --max-depth N  --max-items N  --max-string N (0: no limit; negative: usage error)  --max-line N (at least 1)

JSON Lines: one result per line; a bad or over-long line gives {"line": n, "error": …} and the run goes on;
an input with no line but blank ones is bad input (exit 2)

exit codes (with --jsonl, the worst line decides):
  0    evaluated and compliant
  1    evaluated with findings, or a refusal
  2    bad input or usage (the error as one JSON line on standard error)
  3    internal error, or the output could not be written (a full disk: one JSON error line on standard error)
  141  standard output was closed by its reader (… | head): the output is cut, nothing on standard error
`

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
	fmt.Fprint(w, usageNotes)
}
