// Command anchors measures avgaudit against its anchors on a database kept
// with avgaudit audit --db (bench/scale.sh runs it):
//
//	anchors checks -db audit.duckdb -as-of 2026-09-01 [-rounds 3]
//
// runs every built-in check as avgaudit does (audit.RunChecks: findings
// as Go values, sorted, keyed) and the same SQL directly on the same
// connection, fetching every row, interleaved, and prints the medians and
// their ratio;
//
//	anchors html FILE...
//
// opens each HTML report in headless Chromium and prints how long it took
// until the page had loaded, laid out and drawn its charts;
//
//	anchors profile -work PROFILE DIR
//
// audits DIR (audit.Audit: load and checks, no reports) with a CPU profile
// in PROFILE.cpu and a heap profile at the end in PROFILE.heap;
//
//	anchors sqlite -db audit.duckdb -as-of 2026-09-01 -work DIR [-rounds 3]
//
// exports the tables of the photo-consent and invoice-retention checks to
// CSV, imports them into SQLite 3 (the sqlite3 shell's .import) and runs
// those two checks in SQLite's dialect, against avgaudit's own run of them
// and DuckDB's raw run; the finding counts must agree.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/chromedp/chromedp"
	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/phases"
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/reports"
	"github.com/avgaudit/avgaudit/results"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: anchors checks|sqlite -db FILE -as-of DATE [-work DIR] [-rounds N]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dbPath := fs.String("db", "", "DuckDB database kept by avgaudit audit --db")
	asOf := fs.String("as-of", "2026-09-01", "the audit's reference date")
	work := fs.String("work", "", "directory for the SQLite database and CSV files")
	rounds := fs.Int("rounds", 3, "interleaved rounds")
	_ = fs.Parse(os.Args[2:])
	var err error
	switch os.Args[1] {
	case "checks":
		err = checks(*dbPath, *asOf, *rounds)
	case "sqlite":
		err = peer(*dbPath, *asOf, *work, *rounds)
	case "profile":
		err = profile(fs.Args(), *work, asOfFlag(fs))
	case "html":
		err = openHTML(fs.Args())
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "anchors:", err)
		os.Exit(1)
	}
}

// open opens the kept database read-only with the checks' variables set.
func open(ctx context.Context, dbPath, asOf string) (*sql.DB, *sql.Conn, error) {
	db, err := sql.Open("duckdb", dbPath+"?access_mode=read_only")
	if err != nil {
		return nil, nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	day, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return nil, nil, err
	}
	if err := audit.SetVariables(ctx, conn, day, policy.Default()); err != nil {
		return nil, nil, err
	}
	return db, conn, nil
}

// inputs reads what was loaded from the database's _inputs table.
func inputs(ctx context.Context, conn *sql.Conn) ([]results.Input, error) {
	rows, err := conn.QueryContext(ctx, "SELECT file, coalesce(sheet, ''), table_name, rows_read, rows_loaded, rows_rejected FROM _inputs")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []results.Input
	for rows.Next() {
		var in results.Input
		if err := rows.Scan(&in.File, &in.Sheet, &in.Table, &in.RowsRead, &in.RowsLoaded, &in.RowsRejected); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// raw runs sql and fetches every row and column; it returns the rows.
func raw(ctx context.Context, conn *sql.Conn, q string) (int, error) {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func checks(dbPath, asOf string, rounds int) error {
	ctx := context.Background()
	db, conn, err := open(ctx, dbPath, asOf)
	if err != nil {
		return err
	}
	defer db.Close()
	defer conn.Close()
	in, err := inputs(ctx, conn)
	if err != nil {
		return err
	}
	builtin, err := queries.Builtin()
	if err != nil {
		return err
	}
	var rawT, toolT, rawC, toolC []time.Duration
	findings, rowsRaw := 0, 0
	perCheck := map[string]time.Duration{}
	for range rounds {
		c0 := cpuTime()
		t0 := time.Now()
		rowsRaw = 0
		for _, c := range builtin {
			t1 := time.Now()
			n, err := raw(ctx, conn, c.SQL)
			if err != nil {
				return fmt.Errorf("%s: %w", c.ID, err)
			}
			perCheck[c.ID] += time.Since(t1)
			rowsRaw += n
		}
		rawT = append(rawT, time.Since(t0))
		rawC = append(rawC, cpuTime()-c0)
		c0 = cpuTime()
		t0 = time.Now()
		// As an audit runs them: the findings go to a store.
		store, err := results.NewStore("")
		if err != nil {
			return err
		}
		out, err := audit.RunChecksTo(ctx, conn, builtin, in, store)
		store.Close()
		if err != nil {
			return err
		}
		toolT = append(toolT, time.Since(t0))
		toolC = append(toolC, cpuTime()-c0)
		findings = 0
		for _, c := range out {
			findings += c.NFindings()
		}
	}
	ids := make([]string, 0, len(perCheck))
	for id := range perCheck {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return int(perCheck[b] - perCheck[a]) })
	fmt.Print("checks: slowest raw (mean s):")
	for _, id := range ids[:min(6, len(ids))] {
		fmt.Printf(" %s %.2f", id, perCheck[id].Seconds()/float64(rounds))
	}
	fmt.Println()
	r, t := median(rawT), median(toolT)
	rc, tc := median(rawC), median(toolC)
	fmt.Printf("checks: %d checks, %d rows raw, %d findings; raw SQL %.2f s (%.2f CPU-s), avgaudit %.2f s (%.2f CPU-s) (medians of %d); avgaudit/raw = %.2f wall, %.2f CPU\n",
		len(builtin), rowsRaw, findings, r.Seconds(), rc.Seconds(), t.Seconds(), tc.Seconds(), rounds, t.Seconds()/r.Seconds(), tc.Seconds()/rc.Seconds())
	return nil
}

// peerTables are the tables the two ported checks read, with the columns
// exported to SQLite.
var peerTables = map[string]string{
	"portal_photos":   "_file, _row, photo_id, portal_child_id, group_name, strftime(posted_at, '%Y-%m-%d %H:%M:%S') AS posted_at",
	"portal_consents": "_row, portal_child_id, consent_type, granted::INTEGER AS granted, strftime(recorded_at, '%Y-%m-%d %H:%M:%S') AS recorded_at, strftime(withdrawn_at, '%Y-%m-%d %H:%M:%S') AS withdrawn_at",
	"admin_invoices":  "_file, _row, invoice_id, child_id, strftime(invoice_date, '%Y-%m-%d') AS invoice_date",
}

// peerNullable are the exported columns that may be NULL.
var peerNullable = map[string][]string{
	"portal_photos":   {"group_name", "posted_at"},
	"portal_consents": {"granted", "recorded_at", "withdrawn_at"},
	"admin_invoices":  {"child_id", "invoice_date"},
}

// sqlitePhoto is photo_without_consent in SQLite's dialect: the same
// judgement and messages, without the location and group (the place
// macros), which the count does not depend on.
const sqlitePhoto = `
WITH photos AS (
    SELECT *, time(posted_at) = '00:00:00' AS date_only,
           CASE WHEN time(posted_at) = '00:00:00' THEN datetime(posted_at, '+1 day', '-1 second') ELSE posted_at END AS posted_cmp
    FROM portal_photos
    WHERE date(posted_at) <= :as_of
),
candidates AS (
    SELECT p._file AS photo_file, p._row AS photo_row, c.granted, c.recorded_at, c.withdrawn_at,
           row_number() OVER (PARTITION BY p._file, p._row
                              ORDER BY c.recorded_at DESC NULLS LAST, coalesce(c.granted, 0) ASC, c._row DESC) AS rn
    FROM photos p
    JOIN portal_consents c
      ON c.portal_child_id = p.portal_child_id AND c.consent_type = 'photo_portal'
     AND (c.recorded_at IS NULL OR c.recorded_at <= p.posted_cmp)
),
later AS (
    SELECT portal_child_id, min(recorded_at) AS first_recorded
    FROM portal_consents WHERE consent_type = 'photo_portal' AND granted
    GROUP BY portal_child_id
),
judged AS (
    SELECT p.*, e.granted, e.recorded_at, e.withdrawn_at, l.first_recorded,
           CASE
               WHEN e.photo_row IS NULL AND l.first_recorded > p.posted_cmp THEN 'after'
               WHEN e.photo_row IS NULL THEN 'none'
               WHEN NOT coalesce(e.granted, 0) THEN 'refused'
               WHEN e.withdrawn_at <= p.posted_cmp THEN 'withdrawn'
           END AS problem
    FROM photos p
    LEFT JOIN candidates e ON e.photo_file = p._file AND e.photo_row = p._row AND e.rn = 1
    LEFT JOIN later l ON l.portal_child_id = p.portal_child_id
)
SELECT 'portal_photos' AS table_name, photo_id || '/' || portal_child_id AS record_key, _file, _row,
    CASE problem
        WHEN 'none' THEN 'Geen toestemming voor foto''s in het ouderportaal vastgelegd.'
        WHEN 'after' THEN 'Toestemming pas vastgelegd op ' || strftime('%d-%m-%Y', first_recorded) || ', na plaatsing van de foto.'
        WHEN 'refused' THEN 'Ouders hebben geen toestemming gegeven (vastgelegd ' || coalesce(strftime('%d-%m-%Y', recorded_at), 'zonder datum') || ').'
        WHEN 'withdrawn' THEN 'Toestemming ingetrokken op ' || strftime('%d-%m-%Y', withdrawn_at) || ', vóór plaatsing van de foto.'
    END AS message_nl,
    posted_at, problem
FROM judged WHERE problem IS NOT NULL
ORDER BY _file, _row`

// sqliteInvoices is retention_invoices in SQLite's dialect, without the
// location and group.
const sqliteInvoices = `
WITH held AS (
    SELECT invoice_id, child_id, _file, _row, invoice_date, :years AS years,
           date(strftime('%Y', invoice_date) || '-12-31', '+' || :years || ' years') AS deadline
    FROM admin_invoices
)
SELECT 'admin_invoices' AS table_name, invoice_id AS record_key, _file, _row,
    'Verwijder de factuur (of de persoonsgegevens erin): de fiscale bewaartermijn van ' || years
        || ' jaar na het factuurjaar ' || strftime('%Y', invoice_date) || ' liep tot en met ' || strftime('%d-%m-%Y', deadline) || '.' AS message_nl,
    invoice_date, deadline
FROM held WHERE deadline < :as_of
ORDER BY _file, _row`

func peer(dbPath, asOf, work string, rounds int) error {
	if work == "" {
		return errors.New("-work DIR is required")
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		return errors.New("sqlite3 not found (apt-get install sqlite3)")
	}
	ctx := context.Background()
	db, conn, err := open(ctx, dbPath, asOf)
	if err != nil {
		return err
	}
	defer db.Close()
	defer conn.Close()
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	lite := filepath.Join(work, "peer.sqlite")
	_ = os.Remove(lite)
	var script strings.Builder
	script.WriteString(".mode csv\n")
	for _, table := range []string{"portal_photos", "portal_consents", "admin_invoices"} {
		csv := filepath.Join(work, table+".csv")
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("COPY (SELECT %s FROM %s) TO '%s' (HEADER)", peerTables[table], table, csv)); err != nil {
			return fmt.Errorf("export %s: %w", table, err)
		}
		fmt.Fprintf(&script, ".import %s %s\n", csv, table)
		// .import reads every value as text and empty as ''; NULLs back, numbers as numbers.
		for _, name := range peerNullable[table] {
			fmt.Fprintf(&script, "UPDATE %s SET %s = NULL WHERE %s = '';\n", table, name, name)
		}
	}
	script.WriteString("CREATE INDEX consents_child ON portal_consents(portal_child_id, consent_type);\nANALYZE;\n")
	t0 := time.Now()
	cmd := exec.Command("sqlite3", lite)
	cmd.Stdin = strings.NewReader(script.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("sqlite3 import: %v: %s", err, out)
	}
	importT := time.Since(t0)

	builtin, err := queries.Builtin()
	if err != nil {
		return err
	}
	in, err := inputs(ctx, conn)
	if err != nil {
		return err
	}
	years := policy.Default().Retention.InvoiceYears
	for _, pc := range []struct {
		id, lite string
	}{{"photo_without_consent", sqlitePhoto}, {"retention_invoices", sqliteInvoices}} {
		i := slices.IndexFunc(builtin, func(c queries.Check) bool { return c.ID == pc.id })
		if i < 0 {
			return fmt.Errorf("no check %s", pc.id)
		}
		q := strings.NewReplacer(":as_of", "'"+asOf+"'", ":years", fmt.Sprint(years)).Replace(pc.lite)
		var liteT, rawT, toolT []time.Duration
		var liteN, rawN, toolN int
		for range rounds {
			t0 := time.Now()
			cmd := exec.Command("sqlite3", lite, q)
			out, err := cmd.Output()
			if err != nil {
				return fmt.Errorf("sqlite3 %s: %w", pc.id, err)
			}
			liteT = append(liteT, time.Since(t0))
			liteN = strings.Count(string(out), "\nportal_photos|") + strings.Count(string(out), "\nadmin_invoices|")
			if strings.HasPrefix(string(out), "portal_photos|") || strings.HasPrefix(string(out), "admin_invoices|") {
				liteN++
			}
			t0 = time.Now()
			if rawN, err = raw(ctx, conn, builtin[i].SQL); err != nil {
				return err
			}
			rawT = append(rawT, time.Since(t0))
			t0 = time.Now()
			store, err := results.NewStore("")
			if err != nil {
				return err
			}
			res, err := audit.RunChecksTo(ctx, conn, builtin[i:i+1], in, store)
			store.Close()
			if err != nil {
				return err
			}
			toolT = append(toolT, time.Since(t0))
			toolN = res[0].NFindings()
		}
		l, r, t := median(liteT), median(rawT), median(toolT)
		fmt.Printf("peer %s: SQLite %.3f s (%d findings), DuckDB raw %.3f s (%d), avgaudit %.3f s (%d); SQLite/avgaudit = %.1f, SQLite/raw = %.1f\n",
			pc.id, l.Seconds(), liteN, r.Seconds(), rawN, t.Seconds(), toolN, l.Seconds()/t.Seconds(), l.Seconds()/r.Seconds())
		if liteN != toolN || rawN != toolN {
			fmt.Printf("peer %s: COUNTS DIFFER\n", pc.id)
		}
	}
	fmt.Printf("peer: SQLite .import of the three tables (with NULLs restored, one index, ANALYZE) %.2f s\n", importT.Seconds())
	return nil
}

// asOfFlag is -as-of when it was given, else "" (the manifest's date).
func asOfFlag(fs *flag.FlagSet) string {
	v := ""
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "as-of" {
			v = f.Value.String()
		}
	})
	return v
}

func profile(args []string, prefix, asOf string) error {
	if len(args) != 1 || prefix == "" {
		return errors.New("usage: anchors profile -work PROFILE DIR")
	}
	f, err := os.Create(prefix + ".cpu")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	ctx := phases.With(context.Background(), phases.New())
	opt := audit.Options{Source: os.DirFS(args[0]), Dir: "."}
	if asOf != "" {
		if opt.AsOf, err = time.Parse(time.DateOnly, asOf); err != nil {
			return err
		}
	}
	run, err := audit.Audit(ctx, opt)
	pprof.StopCPUProfile()
	if err != nil {
		return err
	}
	defer run.Close()
	h, err := os.Create(prefix + ".heap")
	if err != nil {
		return err
	}
	defer h.Close()
	if err := pprof.WriteHeapProfile(h); err != nil {
		return err
	}
	fmt.Printf("%d findings\n", run.Summary.Findings)
	// The FG workbook, profiled on its own.
	fg := audience.FG(run)
	x, err := os.Create(prefix + ".xlsx.cpu")
	if err != nil {
		return err
	}
	defer x.Close()
	if err := pprof.StartCPUProfile(x); err != nil {
		return err
	}
	end := phases.Start(ctx, "write rapport-fg.xlsx")
	err = reports.XLSXReporter{}.Write(io.Discard, fg, reports.Options{Workbook: "rapport-fg.xlsx"})
	end()
	pprof.StopCPUProfile()
	if err != nil {
		return err
	}
	return phases.From(ctx).Write(os.Stdout)
}

// openHTML times opening each file in headless Chromium: navigation to the
// load event, then a layout (the height of the body) and the charts (every
// .chart element holding its SVG or canvas).
func openHTML(files []string) error {
	for _, file := range files {
		abs, err := filepath.Abs(file)
		if err != nil {
			return err
		}
		st, err := os.Stat(abs)
		if err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath("/usr/bin/chromium"), chromedp.Headless,
			chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.UserDataDir(filepath.Join(os.TempDir(), "anchors-chromium")), chromedp.WindowSize(1280, 900))
		bctx, cancelBrowser := chromedp.NewContext(alloc)
		// Start the browser first, so that its start-up is not counted.
		if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
			cancelBrowser()
			cancelAlloc()
			cancel()
			return fmt.Errorf("start chromium: %w", err)
		}
		t0 := time.Now()
		var rows int
		err = chromedp.Do(bctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: abs}).String()))
		if err == nil {
			_, err = chromedp.Run(bctx, chromedp.Evaluate[int](`document.body.scrollHeight`))
		}
		if err == nil {
			rows, err = chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('tr').length`))
		}
		if err == nil {
			_, err = chromedp.Run(bctx, chromedp.Poll[bool](`Array.from(document.querySelectorAll('.chart')).every(c => c.querySelector('svg, canvas'))`))
		}
		d := time.Since(t0)
		cancelBrowser()
		cancelAlloc()
		cancel()
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		fmt.Printf("html %s: %.1f MB, %d table rows, opened in %.1f s\n", filepath.Base(file), float64(st.Size())/1e6, rows, d.Seconds())
	}
	return nil
}

// cpuTime is the CPU time (user and system, all threads, DuckDB's too) this
// process used: on a shared machine a steadier measure than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
