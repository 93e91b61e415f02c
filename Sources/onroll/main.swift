import OnRollCLI
OnRollMain.main()
