package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"reflect"
	"syscall"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/serve"
)

// serveSynopsis is the synopsis of hubrules serve.
const serveSynopsis = "hubrules serve [--addr 127.0.0.1:8080] [--decision-log FILE [--mask hash|remove [--mask-key-file FILE]]]\n" +
	"  HTTP 判定服务：与命令行同一信封、同一判定 / the HTTP decision service: the CLI's envelope and decisions\n"

// serveSchemas returns the schemas the service serves and builds its
// OpenAPI document from: every kind's input and decision schema, and the
// schemas of what its other routes write (serve.APIComponents); not those
// of hubrules test.
func serveSchemas() (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	all := schemas()
	// The scenario format and hubrules test's output belong to the
	// command, not to the service (the scenario schema embeds each input
	// schema under its own $id, which an OpenAPI component cannot).
	delete(all, scenarioSchemaName)
	delete(all, testOutputName)
	// The hub report's input is a page's (POST /report answers HTML),
	// not a decision of the JSON API: hubrules schema report has it.
	delete(all, reportSchemaName)
	for _, c := range []struct {
		name string
		t    reflect.Type
	}{
		{"api.Problem", reflect.TypeOf(serve.Problem{})},
		{"api.Rule", reflect.TypeOf(hubrules.Rule{})},
		{"api.RuleEntry", reflect.TypeOf(kinds.RuleEntry{})},
		{"api.InEffect", reflect.TypeOf(kinds.InEffect{})},
	} {
		s := schemaFor(c.t, schemaOutput)
		s["$schema"] = draft2020
		all[c.name] = s
	}
	for name, s := range all {
		b, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

// cmdServe runs the HTTP decision service until SIGTERM or SIGINT, then
// finishes the requests in flight and exits 0.
func cmdServe(e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址 / address to listen on (port 0: a free port, written to standard error)")
	logFile := fs.String("decision-log", "", "判定日志文件（每个判定一行 JSON；缺省不记录）/ decision log file (one JSON line per decision; off by default)")
	fs.StringVar(&e.mask, "mask", "", "判定日志中输入的个人信息：hash（需 --mask-key-file）或 remove；缺省不记录输入 / personal fields of the input in the decision log: hash (needs --mask-key-file) or remove; by default the input is not logged")
	fs.StringVar(&e.maskKeyFile, "mask-key-file", "", "--mask hash 的密钥文件（至多 4096 字节）/ the key of --mask hash (a file of at most 4096 bytes)")
	maxInFlight := fs.Int("max-in-flight", 64, "同时处理的请求上限，超出答 503 / most requests evaluated at once; beyond it 503")
	maxLine := fs.Int("max-line", 1<<20, "x-ndjson 单行的最大字节数 / longest application/x-ndjson line accepted, in bytes")
	lim := hubrules.DefaultLimits()
	fs.IntVar(&lim.MaxBytes, "max-bytes", lim.MaxBytes, "请求体的最大字节数 / largest JSON body accepted, in bytes")
	fs.IntVar(&lim.MaxDepth, "max-depth", lim.MaxDepth, "JSON 的最大嵌套深度 / deepest JSON nesting accepted")
	fs.IntVar(&lim.MaxItems, "max-items", lim.MaxItems, "JSON 数组的最大长度 / longest JSON array accepted")
	fs.IntVar(&lim.MaxString, "max-string", lim.MaxString, "JSON 字符串的最大字节数 / longest JSON string accepted, in bytes")
	readHeader := fs.Duration("read-header-timeout", 5*time.Second, "读取请求头的时限 / time to read the request headers")
	read := fs.Duration("read-timeout", 60*time.Second, "读取整个请求的时限 / time to read the whole request")
	write := fs.Duration("write-timeout", 60*time.Second, "写出响应的时限（流须在此内结束）/ time to write the response (a stream must end within it)")
	idle := fs.Duration("idle-timeout", 120*time.Second, "空闲连接的保持时限 / time an idle connection is kept")
	e.helpHead = serveSynopsis
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, helpRequested{e.helpText(fs)}
		}
		return 0, usage("命令行参数错误："+flagErrorZH(err), "bad command-line arguments: "+err.Error())
	}
	if fs.NArg() > 0 {
		return 0, usage("serve 不接受参数", "serve takes no arguments")
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"--max-bytes", lim.MaxBytes}, {"--max-depth", lim.MaxDepth}, {"--max-items", lim.MaxItems}, {"--max-string", lim.MaxString}} {
		if f.v < 0 {
			return 0, usage(fmt.Sprintf("%s 不能为负数（0 表示不设上限）：%d", f.name, f.v), fmt.Sprintf("%s must not be negative (0 means no limit): %d", f.name, f.v))
		}
	}
	if *maxLine < 1 || *maxInFlight < 1 {
		return 0, usage("--max-line 与 --max-in-flight 应至少为 1", "--max-line and --max-in-flight must be at least 1")
	}
	for _, d := range []*time.Duration{readHeader, read, write, idle} {
		if *d <= 0 {
			return 0, usage("各时限应为正数", "every timeout must be positive")
		}
	}
	if err := e.parseMask(); err != nil {
		return 0, err
	}
	if e.mask != "" && *logFile == "" {
		return 0, usage("--mask 只用于 --decision-log", "--mask is only for --decision-log")
	}
	sch, err := serveSchemas()
	if err != nil {
		return 0, err
	}
	samples, reportSample := pageSamples()
	cfg := serve.Config{Limits: &lim, Samples: samples, ReportSample: reportSample, MaxLine: *maxLine, MaxInFlight: *maxInFlight,
		ReadHeaderTimeout: *readHeader, ReadTimeout: *read, WriteTimeout: *write, IdleTimeout: *idle,
		Schemas: sch, Mask: serve.Mask(e.mask), MaskKey: e.maskKey,
		ErrorLog: log.New(e.stderr, "hubrules serve: ", log.LstdFlags)}
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return 0, usage("无法打开判定日志文件："+err.Error(), "cannot open the decision log: "+err.Error())
		}
		defer f.Close()
		cfg.DecisionLog = f
	}
	srv, err := serve.New(cfg)
	if err != nil {
		return 0, err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return 0, usage("无法监听 "+*addr+"："+err.Error(), "cannot listen on "+*addr+": "+err.Error())
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	writeJSONLine(e.stderr, map[string]any{"serving": "http://" + ln.Addr().String()})
	if err := srv.Serve(ctx, ln); err != nil {
		return 0, fmt.Errorf("serve: %w", err)
	}
	writeJSONLine(e.stderr, map[string]any{"stopped": "http://" + ln.Addr().String()})
	return exitOK, nil
}

func writeJSONLine(w io.Writer, v any) {
	b, _ := json.Marshal(v)
	_, _ = w.Write(append(b, '\n'))
}
