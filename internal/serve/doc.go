// Package serve is hubrules' HTTP decision service (hubrules serve): the
// integration surface for the platforms that cannot import Go — 智慧党建
// (smart party-building) and social-organization (社会组织) systems,
// mostly Spring Boot or Python, holding an org tree of 党委 / 党总支 /
// 党支部 and member records. Every route answers with the envelope and the
// decisions of the command-line tool and of decide.Decide: one JSON input
// to POST /v1/decisions/{kind}?programme=&date= gives one
// hubrules.Decision (kind, programme, as_of, rule_set, outcome, checks,
// findings, basis, result); a body of application/x-ndjson is answered
// record by record as the CLI's --jsonl is, by the same writer (a header,
// then one record a line with the basis, the rules' sources and the
// findings' citations written once per stream, errors in-line with their
// line number).
//
// The service is stateless: it holds no data between requests and
// evaluates nothing but the data sent (no route runs code or policy a
// caller sends). Its routes:
//
//	POST /v1/decisions/{kind}   a decision (判定), one JSON input or a stream
//	GET  /v1/rules              the rule catalogue (规则目录)
//	GET  /v1/rules/{id}         one rule with its sources and parameters per programme
//	GET  /v1/params/{package}   the parameters (参数) in effect for ?programme=&date=
//	GET  /v1/schemas/{name}     a generated JSON Schema (an input, or NAME.output)
//	GET  /openapi.json          OpenAPI 3.1, built from the same schemas
//	GET  /healthz, /readyz      liveness; readiness (503 while draining)
//	GET  /metrics               Prometheus text format
//	GET  /, /rules/{id}, /compare, /try, /report; POST /try, /report
//	                            the pages for policy officers (internal/pages, HTML)
//
// Errors are RFC 9457 application/problem+json, carrying the field paths,
// codes and zh/en messages of *hubrules.InputError: 400 bad input, 404 an
// unknown kind, rule, package, schema or route, 405 a wrong method, 413 a
// body over Limits.MaxBytes, 415 a content type other than
// application/json or application/x-ndjson, 503 (with Retry-After) past
// the cap on requests in flight, 500 only for a bug (recovered and logged;
// the process goes on). A well-formed request the rules refuse (a refused
// graduation, an overdrawn ledger) is a decision, not an error: 200 with
// outcome "refused", as the CLI exits 1 and not 2 — so there is no 422.
//
// Problem titles and details are in Chinese by default and in English
// with Accept-Language: en; the envelopes and the field errors carry both
// languages, as the CLI's JSON does.
//
// Bounds: the decoder limits of hubrules.Limits on every body (MaxBytes
// on a JSON body, MaxLine on each line of a stream), the read-header,
// read, write and idle timeouts of http.Server, a cap on requests in
// flight, and a graceful shutdown (Serve returns after the requests in
// flight have finished). The decision log (off by default) writes one JSON
// line per decision with the input's digest, personal fields masked or
// left out.
package serve
