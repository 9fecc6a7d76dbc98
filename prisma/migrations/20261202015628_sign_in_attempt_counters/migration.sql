-- CreateTable
CREATE TABLE "SignInAttemptCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL,

    CONSTRAINT "SignInAttemptCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInAttemptCounter_windowStart_idx" ON "SignInAttemptCounter"("windowStart");

