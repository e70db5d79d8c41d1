return await Cunzhi.Bench.BenchMain.RunAsync(args, Console.Out);
