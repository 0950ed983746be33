package acceptance

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

// Table is the canonical table a registers sheet with accepted risks is
// loaded into.
const Table = "accepted_risks"

// Querier is what ReadTable needs of a DuckDB connection (*sql.Conn,
// *sql.DB, *sql.Tx).
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ReadTable reads the register loaded into the table accepted_risks (from a
// registers sheet, by the ingest) and validates it: checks lists the known
// check ids. The loaded inputs and their rejects say which register rows
// were not loaded: each is a problem too, since a register entry left out
// silently would leave its findings open. Every problem names the sheet and
// row, all in one *Error.
func ReadTable(ctx context.Context, q Querier, checks map[string]bool, inputs []results.Input, rejects []results.Reject) ([]Entry, error) {
	problems := rejectedRows(inputs, rejects)
	rows, err := q.QueryContext(ctx, fmt.Sprintf(
		"SELECT coalesce(check_id, ''), coalesce(record_key, ''), coalesce(justification, ''), coalesce(legal_basis, ''), coalesce(approved_by, ''), approved_on, expires_on, %s, %s FROM %s ORDER BY %[1]s, %[2]s",
		model.FileColumn, model.RowColumn, Table))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", Table, err)
	}
	defer rows.Close()
	var entries []Entry
	for rows.Next() {
		var (
			e    Entry
			file string
			row  int
		)
		if err := rows.Scan(&e.CheckID, &e.RecordKey, &e.Justification, &e.LegalBasis, &e.ApprovedBy, &e.ApprovedOn, &e.ExpiresOn, &file, &row); err != nil {
			return nil, fmt.Errorf("read %s: %w", Table, err)
		}
		e.Source = fmt.Sprintf("%s row %d", file, row)
		e.CheckID, e.RecordKey = strings.TrimSpace(e.CheckID), strings.TrimSpace(e.RecordKey)
		e.ApprovedOn, e.ExpiresOn = day(e.ApprovedOn), day(e.ExpiresOn)
		ps := e.validate(checks)
		for _, p := range ps {
			problems = append(problems, rowProblem{file, row, vocab.Errorf("%s rij %d: %s", "%s row %d: %s", file, row, p.msg)})
		}
		if len(ps) == 0 {
			entries = append(entries, e)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", Table, err)
	}
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i], problems[j]
		return a.file < b.file || a.file == b.file && a.row < b.row
	})
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = p.err
	}
	return entries, errorOf(errs)
}

// rowProblem is a problem with one row of a register sheet.
type rowProblem struct {
	file string // the file and sheet, as the ingest labels them
	row  int
	err  error
}

// day drops the time zone DuckDB attaches to a DATE.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// rejectedRows turns the rejected rows of the register's inputs into
// problems.
func rejectedRows(inputs []results.Input, rejects []results.Reject) []rowProblem {
	labels := map[string]bool{}
	for _, in := range inputs {
		if in.Table == Table {
			labels[label(in.File, in.Sheet)] = true
		}
	}
	var problems []rowProblem
	for _, r := range rejects {
		if !labels[r.File] && !labels[label(r.File, r.Sheet)] {
			continue
		}
		file := label(r.File, r.Sheet)
		where := vocab.Textf("%s rij %d", "%s row %d", file, r.Row)
		if r.Column != "" {
			where = where.Plus(vocab.Textf(", kolom %q", ", column %q", r.Column))
		}
		problems = append(problems, rowProblem{file, r.Row,
			vocab.Errorf("%s: %s (de vermelding is niet ingelezen: verbeter deze rij)", "%s: %s (the entry was not read: correct this row)", where, vocab.Text(r.Reason))})
	}
	return problems
}

// label names a file and sheet as the ingest does ("file [sheet]"); a
// reject's File may already be that label.
func label(file, sheet string) string {
	if sheet == "" || strings.HasSuffix(file, "["+sheet+"]") {
		return file
	}
	return file + " [" + sheet + "]"
}
