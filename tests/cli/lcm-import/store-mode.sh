# A new store is readable by its owner only, whatever the umask: it holds
# learners' names, e-mail addresses and words. An existing store keeps
# the mode its owner gave it.
umask 022
lcm-import -q "$SAMPLE/users.csv"; echo "rc=$?"
stat -c '%a %n' lcm.db | sed "s|$PWD/||"
: > shared.db
chmod 640 shared.db
lcm-import -q --db shared.db "$SAMPLE/users.csv"; echo "rc=$?"
stat -c '%a %n' shared.db
