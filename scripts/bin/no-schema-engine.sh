#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on these machines.
# `prisma generate` only checks that the file exists; anything that would run it is unsupported here.
echo "The Prisma schema engine is not available on this machine. Migrations are committed SQL applied by 'npm run db:migrate' (docs/decisions/0002-prisma-under-this-toolchain.md)." >&2
exit 1
