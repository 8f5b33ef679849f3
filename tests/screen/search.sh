# Searching the corpus from the / prompt: results show while typing
# (before Enter) in the Results pane; Enter jumps to the first hit and the
# status line counts "1/N hits"; n and N walk the hits across documents and
# wrap around at either end; an invalid pattern shows an error in the
# prompt line and the program goes on answering keys; Esc clears the search
# and the Results pane goes away; Up in the prompt recalls earlier
# searches; the smart case makes "mogroep" find MOgroep while "Mogroep"
# matches case; and a catastrophic pattern, (a+)+$, comes back at once,
# both on the corpus and on a 2000-letter run of a's (the hostile fixture),
# where it would backtrack for ever without the match limit.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

sedna="De MOgroep op werkbezoek · 2012-11-01"
tinten="Werkbezoek MOgroep aan Tinten (Groningen & Drenthe) · 2014-11-05"

screen_start 120 40 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"

# --- search as you type, then Enter ---------------------------------------
screen_keys /
screen_wait_row 40 "/"
screen_type "mantelzorg"
screen_wait "┌ /mantelzorg · 7 hits in 1 document "
screen_wait "2014-11-05            Hoe combineer je werk en mantelzorg?"
screen_wait_row 40 "/mantelzorg"
screen_keys Enter
screen_wait "$tinten"
screen_wait " 1/7 hits · ? help"
screen_wait_row 1 "┌ $tinten "

# --- Esc clears the search: the Results pane goes -------------------------
screen_keys Escape
screen_wait_gone "/mantelzorg · 7 hits"
screen_wait_gone "hits · ? help"
# the Entities pane reaches down to the status line again
screen_wait_row 39 "└──────────────────────────────────┘└"

# --- n and N across documents (6 hits of Sedna in each of two) ------------
# Enter goes to the first hit from where the reader is: back to the top of
# the first document (moving the Documents selection shows it from its top)
screen_keys 1 j k
screen_wait_row 1 "┌ $sedna "
screen_wait_row 2 "││De MOgroep op werkbezoek"
screen_keys /
screen_type "Sedna"
screen_wait "┌ /Sedna · 12 hits in 2 documents "
screen_keys Enter
screen_wait " 1/12 hits · ? help"
screen_wait_row 1 "┌ $sedna "
screen_keys N
screen_wait "search hit the top, continuing at the end"
screen_wait " 12/12 hits · ? help"
screen_wait_row 1 "┌ $tinten "
screen_keys n
screen_wait "search hit the end, continuing at the top"
screen_wait " 1/12 hits · ? help"
screen_wait_row 1 "┌ $sedna "
screen_keys n n n n n
screen_wait " 6/12 hits · ? help"
screen_wait_row 1 "┌ $sedna "
screen_keys n
screen_wait " 7/12 hits · ? help"
screen_wait_row 1 "┌ $tinten "
screen_keys N
screen_wait " 6/12 hits · ? help"
screen_wait_row 1 "┌ $sedna "

# --- Up recalls earlier searches, newest first -----------------------------
screen_keys /
screen_wait_row 40 "/"
screen_keys Up
screen_wait_row 40 "/Sedna"
screen_keys Up
screen_wait_row 40 "/mantelzorg"
screen_wait "┌ /mantelzorg · 7 hits in 1 document "
screen_keys Down
screen_wait_row 40 "/Sedna"
screen_keys Escape
screen_wait_gone "hits in"

# --- an invalid pattern ------------------------------------------------------
screen_keys /
screen_type "(abc"
screen_wait_row 40 "/(abc  missing closing parenthesis"
screen_keys Enter
screen_wait_row 40 "invalid pattern /(abc"
# still answering keys: the reader takes the focus and scrolls
screen_keys 2 j
screen_wait_row 40 "$sedna"
screen_wait_row 40 "line "
screen_keys g
screen_wait_row 40 "$sedna"
screen_wait_row 40 "line 1/"
screen_keys j
screen_wait_row 40 "$sedna"
screen_wait_row 40 "line 2/"

# --- smart case ------------------------------------------------------------
screen_keys /
screen_type "mogroep"
screen_wait "┌ /mogroep · 26 hits in 3 documents "
screen_wait "Daaraan voorafgaand wil de MOgroep onderzoeken"
screen_keys C-u
screen_type "Mogroep"
screen_wait "┌ /Mogroep · 1 hit in 1 document "
screen_wait "pleit de Mogroep voor behoud"
screen_keys Escape
screen_wait_gone "hit in 1 document"

# --- a catastrophic pattern on the corpus ----------------------------------
screen_keys /
screen_type '(a+)+$'
screen_wait "┌ /(a+)+\$ · "
screen_keys Escape
screen_wait_gone "┌ /(a+)+\$ · "
screen_keys 1
screen_wait_row 40 " Documents "

screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q"
screen_stop

# --- a catastrophic pattern on 2000 a's and a '!' --------------------------
screen_start 120 40 --no-session "$top_srcdir/tests/fixtures/screen/hostile/hostile.xml"
screen_wait "Documents (1)"
screen_keys /
screen_wait_row 40 "/"
start=$(date +%s%N)
screen_type '(a+)+$'
screen_wait "┌ /(a+)+\$ · "
screen_wait_row 40 "/(a+)+\$  pattern too complex"
diag "(a+)+\$ over 2000 a's answered in $((($(date +%s%N) - start) / 1000000)) ms"
screen_keys Enter
screen_wait_row 40 "no hits for /(a+)+\$"
# the program still answers: Esc clears the search, the reader scrolls
screen_keys Escape
screen_wait_gone "┌ /(a+)+\$ · "
screen_keys 2 G
screen_wait "100%──┐"
screen_wait_row 38 "Slot van de vijandige tekst."
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q (catastrophic pattern)"
done_testing
