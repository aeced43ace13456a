// Package servetest validates the HTTP decision service's OpenAPI 3.1
// document (hubrules serve, GET /openapi.json) with a well-kept OpenAPI
// library, github.com/pb33f/libopenapi-validator, and checks every sample
// request and every golden answer against it. It is a module of its own
// because that library needs a newer Go than the go line (1.24) the
// hubrules module promises its importers; the document and the
// exchanges it reads are the golden files of cmd/hubrules
// (testdata/serve/openapi.json and exchanges.json, rewritten by
// go test ./cmd/hubrules -update).
package servetest
