#!/usr/bin/env python3
"""readback.py FILE... - parse each message file as RFC 5322 and print
what a mail reader shows: every header name (so an injected one shows),
To and Subject decoded, the charset, and the decoded body."""
import email
import email.header
import email.policy
import sys


def decoded(v):
    return str(email.header.make_header(email.header.decode_header(v)))


for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        m = email.message_from_binary_file(f, policy=email.policy.compat32)
    print('==', path.rsplit('/', 1)[-1])
    print('headers:', ' '.join(m.keys()))
    print('to:', decoded(m['To']))
    print('subject:', decoded(m['Subject']))
    print('charset:', m.get_content_charset(), m['Content-Transfer-Encoding'])
    print(m.get_payload(decode=True).decode('utf-8'), end='')
