package funding

import (
	"errors"
	"strconv"

	"github.com/hubrules/hubrules"
)

// ErrOverflow is returned when an amount leaves the int64 fen range.
var ErrOverflow error = hubrules.NewInputError(hubrules.FieldError{Code: "overflow",
	Message: hubrules.T("金额超出可表示范围", "amount out of the representable range")})

// ErrDivisionByZero is returned by a division by zero.
var ErrDivisionByZero error = hubrules.NewInputError(hubrules.FieldError{Code: "division_by_zero",
	Message: hubrules.T("除数为零", "division by zero")})

func inputErr(path, code, value, zh, en string) error {
	return hubrules.NewInputError(hubrules.FieldError{Path: path, Code: code, Value: value, Message: hubrules.T(zh, en)})
}

// IsInputError reports whether err is a hubrules input error.
func IsInputError(err error) bool { return errors.Is(err, hubrules.ErrInvalidInput) }

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }
